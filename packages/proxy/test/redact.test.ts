// The proxy's part of redaction: error bodies as bytes (the same bytes when no key is in them),
// and the handler's use of core's one rule on bodies, headers and log lines. The rule's own cases
// (names, escapes, short and JSON-token keys) are core's tests.
import { redactor } from '@ofauth-mass-messages/core';
import { describe, expect, it } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { redactBytes } from '../src/redact.js';
import { recordingFetch } from './helpers/upstream.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const redact = redactor('sk_live_abc');

describe('redactBytes', () => {
  it.each([
    ['JSON', '{"message":"Invalid key sk_live_abc"}', '{"message":"Invalid key [redacted]"}'],
    ['text', 'bad key sk_live_abc', 'bad key [redacted]'],
  ])('gives the redacted text of %s holding the key', (_, body, expected) => {
    expect(redactBytes(bytes(body), redact)).toBe(expected);
  });

  it.each([
    ['spaced JSON', '{ "message" : "spaced" }'],
    ['text', 'upstream down'],
  ])('returns the same bytes of %s without the key', (_, text) => {
    const body = bytes(text);
    expect(redactBytes(body, redact)).toBe(body);
  });
});

describe('the handler, with core’s one rule', () => {
  // A key with characters a URL encodes, as an API (or a gateway) may echo it from a URL.
  const KEY = 'sk_live/9f3b+1c77=e2d0';
  const ENCODED = encodeURIComponent(KEY);

  /** The browser's view (status, headers, body) and every log line of one proxied request. */
  async function seen(fetch: typeof globalThis.fetch) {
    const lines: string[] = [];
    const log = (message: string, fields: object) =>
      lines.push(`${message} ${JSON.stringify(fields)}`);
    const handler = createProxyHandler({
      apiKey: KEY,
      authorize: () => 'conn_1',
      upstream: 'http://upstream.test',
      fetch,
      logger: { debug: log, warn: log, error: log },
    });
    const response = await handler(new Request('http://localhost/v2/access/mass-messages'));
    const shown = `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`;
    return { shown, lines };
  }

  it.each([
    ['percent-encoded in the body', { body: `{"message":"bad url https://x/?apiKey=${ENCODED}"}` }],
    ['percent-encoded in the request id', { headers: { 'x-request-id': `req_${ENCODED}` } }],
  ])('shows no key %s', async (_, answer) => {
    const { shown, lines } = await seen(recordingFetch({ status: 401, ...answer }).fetch);
    expect(shown).toMatch(/^401 /);
    for (const text of [shown, ...lines]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(ENCODED);
    }
  });

  it('logs a fetch failure whose message quotes the key encoded, redacted', async () => {
    const { shown, lines } = await seen(async () => {
      throw new TypeError(`fetch failed for https://x/?apiKey=${ENCODED}`);
    });
    expect(lines.join('\n')).toContain('fetch failed for https://x/?apiKey=[redacted]');
    for (const text of [shown, ...lines]) expect(text).not.toContain(ENCODED);
  });
});
