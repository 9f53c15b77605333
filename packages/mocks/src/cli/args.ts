// The CLI's arguments: `ofauth-mock [--port 4010] [--host 127.0.0.1] [--mode examples] [--seed N]`.
import { parseArgs } from 'node:util';
import { MOCK_MODES, type MockMode, type MockServerOptions, resolveOptions } from '../options.js';

export interface CliArguments {
  options: MockServerOptions;
  /** Restart whenever the spec bundle changes (the package's `dev` script). */
  watch: boolean;
  /** Do not print Prism's log lines (requests, violations). */
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: ofauth-mock [options]

  --port <n>      port to listen on (default 4010; 0 picks a free one)
  --host <h>      address to listen on (default 127.0.0.1)
  --mode <m>      ${MOCK_MODES.join(' | ')} (default examples)
  --seed <n>      dynamic: repeatable bodies; dataset: which records (default 1)
  --watch         restart when the spec bundle changes
  --quiet         do not print Prism's request log
  --help          show this help`;

function toInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new TypeError(`Invalid --${name}: "${raw}"; expected an integer.`);
  return Number(raw);
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
        watch: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new TypeError((error as Error).message);
  }
  const options: MockServerOptions = {};
  const port = toInteger('port', values.port as string | undefined);
  const seed = toInteger('seed', values.seed as string | undefined);
  if (port !== undefined) options.port = port;
  if (seed !== undefined) options.seed = seed;
  if (values.host !== undefined) options.host = values.host as string;
  if (values.mode !== undefined) options.mode = values.mode as MockMode;
  // The same checks as startMockServer, now, before anything starts.
  resolveOptions(options);
  return {
    options,
    watch: values.watch === true,
    quiet: values.quiet === true,
    help: values.help === true,
  };
}
