// What the operator's log may say about a failure. The logger never sees the key: core's one
// redaction removes it (a custom fetch, or the app's own hook, may quote its configuration).
import type { Redact } from '@ofauth-mass-messages/core';
import type { ProxyLogFields, ProxyLogger } from './types.js';

/**
 * What failed: `TypeError: fetch failed (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:4010)`.
 * The error's name, message and cause, each through `redact` (the handler's, built once).
 */
export function describeFailure(error: unknown, redact: Redact): string {
  const safe = (text: unknown) => (typeof text === 'string' && text ? redact(text) : undefined);
  if (!(error instanceof Error)) return typeof error;
  const cause = Object(error.cause) as { code?: unknown; message?: unknown };
  const causeText = [safe(cause.code), safe(cause.message)].filter(Boolean).join(': ');
  const message = safe(error.message);
  const name = safe(error.name) ?? 'Error';
  return `${name}${message ? `: ${message}` : ''}${causeText ? ` (${causeText})` : ''}`;
}

/**
 * The app's logger, with each call made safe: a log sink that throws (a closed stream, a full
 * disk) must not turn the API's answer into an error, nor escape into the host framework.
 */
export function safeLogger(logger: ProxyLogger | undefined): ProxyLogger | undefined {
  if (!logger) return undefined;
  const wrap = (level: keyof ProxyLogger) => {
    const write = logger[level];
    if (typeof write !== 'function') return undefined;
    return (message: string, fields: ProxyLogFields) => {
      try {
        write.call(logger, message, fields);
      } catch {
        // Nowhere left to report it.
      }
    };
  };
  const safe: ProxyLogger = {};
  for (const level of ['debug', 'warn', 'error'] as const) {
    const write = wrap(level);
    if (write) safe[level] = write;
  }
  return safe;
}
