// The options of the Node server (beside the mock's own, src/core/options.ts), checked once so
// that a bad value fails with a message naming it.
import { assertInteger } from './core/options.js';

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
}

export interface ResolvedServerOptions {
  port: number;
  host: string;
  document: string | undefined;
  startTimeoutMs: number;
  onLog: ((line: string) => void) | undefined;
}

export function resolveServerOptions(options: ServerOptions = {}): ResolvedServerOptions {
  const host = options.host ?? DEFAULT_HOST;
  if (typeof host !== 'string' || host.trim() === '') {
    throw new TypeError(`Invalid host: ${JSON.stringify(host)}; expected a host name or address.`);
  }
  return {
    port: assertInteger('port', options.port ?? DEFAULT_PORT, 0, 65_535),
    host,
    document: options.document,
    startTimeoutMs: assertInteger(
      'startTimeoutMs',
      options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      1,
      600_000,
    ),
    onLog: options.onLog,
  };
}
