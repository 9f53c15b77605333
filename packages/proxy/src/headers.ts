// Which headers cross the proxy. Both directions are allowlists: a header nobody listed does not
// pass, so a browser's credentials, cookies or hop-by-hop headers cannot leak upstream, and an
// upstream's cookies, encodings or internal headers cannot leak back.
import type { Redact } from '@ofauth-mass-messages/core';
import type { Operation } from '@ofauth-mass-messages/spec/operations';

/** Headers that carry credentials: the browser's are never forwarded, the API's never returned. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'apikey',
  'api-key',
  'x-api-key',
  'x-connection-id',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
];

/** Headers about one connection (RFC 9110 §7.6.1), plus the ones fetch sets itself. */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
];

/**
 * The API's request id, passed back so a browser-side error report can be matched with the
 * API's logs. The API reference names no header; `x-request-id` is the common one.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Whether a value can be sent as a header as written: core's one rule, the client's too. */

/**
 * The upstream request's headers: the server's credentials, `accept`, and the headers the
 * server's configuration chose to pass on (`forwardHeaders`). Nothing else the browser sent.
 */
export function upstreamHeaders(
  incoming: Headers,
  credentials: { apiKey: string; connectionId: string },
  forward: readonly string[],
): Headers {
  const headers = new Headers({ accept: incoming.get('accept') ?? 'application/json' });
  for (const name of forward) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('apiKey', credentials.apiKey);
  headers.set('x-connection-id', credentials.connectionId);
  return headers;
}

/**
 * The vendor's rate-limit headers. The vendor sends them on every response, errors included, so
 * they pass whatever the spec documents on the operation: a browser-side limiter (the client's)
 * adapts to them from any answer.
 */
export const RATE_LIMIT_HEADERS: readonly string[] = [
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

/**
 * The response headers the browser may see for an operation: the body's type, `retry-after`,
 * the request id, the rate-limit headers, and every header the spec documents on it.
 */
export function passedResponseHeaders(operation: Operation): Set<string> {
  const names = new Set(['content-type', 'retry-after', REQUEST_ID_HEADER, ...RATE_LIMIT_HEADERS]);
  for (const response of operation.responses) {
    for (const name of response.headers) names.add(name.toLowerCase());
  }
  for (const name of [...CREDENTIAL_HEADERS, ...HOP_BY_HOP_HEADERS]) names.delete(name);
  return names;
}

/**
 * The browser's response headers: the passed ones the upstream sent, with the key redacted from
 * their values (an API may echo it in a request id) by core's one redaction, and `no-store`.
 */
export function downstreamHeaders(
  upstream: Headers,
  passed: ReadonlySet<string>,
  redact: Redact,
): Headers {
  const headers = new Headers();
  for (const name of passed) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, redact(value));
  }
  // Every answer concerns one account: no shared cache (CDN, corporate proxy) may keep it.
  headers.set('cache-control', 'no-store');
  return headers;
}
