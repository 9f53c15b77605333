// The options of the Node server (beside the mock's own, which the mocks package checks), checked
// once, in the toolkit's one style (core's checkOptions), so that a bad value fails with a
// message naming it: `port must be an integer from 0 to 65535, got -1`.
import { checkOptions, type OptionRule, option } from '@ofauth-mass-messages/core';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;
/** How long listening may take before the start is rejected. */
export const DEFAULT_START_TIMEOUT_MS = 60_000;

export interface ServerOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Another bundled OpenAPI document (JSON) than the spec's (to try a draft, or in tests). */
  document?: string;
  /** Reject when the server does not listen within this time. */
  startTimeoutMs?: number;
  /** Called with one line per request (method, path, status, time; never headers). */
  onLog?: (line: string) => void;
  /**
   * Prism's gate (the default): every answer to an operation is checked against the spec by
   * Prism's validator, each distinct answer once; one that breaks the spec becomes a 500 naming
   * the violation. `false` serves the core's answers unchecked (what the MSW handlers and
   * createMockFetch do).
   */
  prism?: boolean;
}

export interface ResolvedServerOptions {
  port: number;
  host: string;
  document: string | undefined;
  startTimeoutMs: number;
  onLog: ((line: string) => void) | undefined;
  prism: boolean;
}

const RULES: OptionRule[] = [
  option.integer('port', 0, 65_535),
  option.string('host', 'a host name or address', (host) => host.trim() !== ''),
  option.string('document', 'the path of a bundled OpenAPI document (JSON)'),
  option.integer('startTimeoutMs', 1, 600_000),
  option.function('onLog'),
  option.boolean('prism'),
];

/**
 * Fills in defaults; a value its rule refuses throws a TypeError naming it. Only the server's
 * own options are read: the mock's (`mode`, `seed`, …) are the mocks package's to check.
 */
export function resolveServerOptions(options: ServerOptions = {}): ResolvedServerOptions {
  const own = Object.fromEntries(
    RULES.map(({ name }) => [name, (options as Record<string, unknown>)[name]]),
  );
  const problem = checkOptions(RULES, own);
  if (problem) throw new TypeError(problem.message);
  return {
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? DEFAULT_HOST,
    document: options.document,
    startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    onLog: options.onLog,
    prism: options.prism ?? true,
  };
}
