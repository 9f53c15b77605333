// The CLI's arguments: `ofauth-mock [--port 4010] [--host 127.0.0.1] [--mode dataset] [--seed N]
// [--latency ms] [--retry-after s] [--rate-limit vendor|<capacity>/<perMinute>|off] [--no-prism]`.
import { parseArgs } from 'node:util';
import {
  DEFAULT_MODE,
  MOCK_MODES,
  type MockMode,
  resolveMockOptions,
} from '@ofauth-mass-messages/mocks';
import { resolveServerOptions } from '../options.js';
import type { MockServerOptions } from '../server.js';

export interface CliArguments {
  options: MockServerOptions;
  /** Restart whenever the spec bundle changes (the package's `dev` script). */
  watch: boolean;
  /** Do not print a line per request. */
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: ofauth-mock [options]

  --port <n>         port to listen on (default 4010; 0 picks a free one)
  --host <h>         address to listen on (default 127.0.0.1)
  --mode <m>         ${MOCK_MODES.join(' | ')} (default ${DEFAULT_MODE})
  --seed <n>         dataset: which records (default 1); dynamic: which generated records
  --latency <ms>     wait this long before every response (default 0)
  --retry-after <s>  Retry-After of 429 scenarios (default 1)
  --rate-limit <r>   emulate the API's rate limit per connection id: vendor (90 burst, 60 a
                     minute), <capacity>/<perMinute> (e.g. 5/30), or off (default)
  --no-prism         leave Prism's gate out (answers not checked against the spec)
  --watch            restart when the spec bundle changes
  --quiet            do not print a line per request
  --help             show this help`;

function toInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new TypeError(`Invalid --${name}: "${raw}"; expected an integer.`);
  return Number(raw);
}

/** `--rate-limit`: `vendor`, `off`, or `<capacity>/<perMinute>`; the core checks the numbers. */
function toRateLimit(raw: string): NonNullable<MockServerOptions['rateLimit']> {
  if (raw === 'vendor') return 'vendor';
  if (raw === 'off') return false;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (!match) {
    throw new TypeError(
      `Invalid --rate-limit: "${raw}"; expected vendor, off or <capacity>/<perMinute> (e.g. 5/30).`,
    );
  }
  return { capacity: Number(match[1]), refillPerMinute: Number(match[2]) };
}

/** Parses the arguments; throws a TypeError naming the first bad one. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        mode: { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
        'retry-after': { type: 'string' },
        'rate-limit': { type: 'string' },
        'no-prism': { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new TypeError((error as Error).message);
  }
  const options: MockServerOptions = {};
  const integers = { port: 'port', seed: 'seed', latency: 'latency', 'retry-after': 'retryAfter' };
  for (const [flag, key] of Object.entries(integers)) {
    const value = toInteger(flag, values[flag] as string | undefined);
    if (value !== undefined) options[key as 'port'] = value;
  }
  if (values.host !== undefined) options.host = values.host as string;
  if (values.mode !== undefined) options.mode = values.mode as MockMode;
  if (values['no-prism'] === true) options.prism = false;
  const rateLimit = values['rate-limit'] as string | undefined;
  if (rateLimit !== undefined) options.rateLimit = toRateLimit(rateLimit);
  // The same checks as startMockServer, now, before anything starts.
  resolveServerOptions(options);
  resolveMockOptions(options);
  return {
    options,
    watch: values.watch === true,
    quiet: values.quiet === true,
    help: values.help === true,
  };
}
