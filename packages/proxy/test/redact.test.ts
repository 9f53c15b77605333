import { describe, expect, it } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { redactBody } from '../src/redact.js';
import { recordingFetch } from './helpers/upstream.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (body: Uint8Array | string) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

describe('redactBody', () => {
  const rateLimited =
    '{"message":"Rate limit exceeded","code":"RATE_LIMITED","details":{"limit":60}}';

  const intact = JSON.parse(rateLimited);
  // A key that is JSON's own character or a single letter never breaks the body: it stays JSON
  // of the same structure; only strings holding the key change, property names included (a
  // one-letter dev key cannot be told from the letter, so the body loses it: safe, still JSON).
  it.each([
    ['"', intact],
    [':', intact],
    ['{', intact],
    ['sk_live_abc', intact],
    [
      'e',
      {
        'm[redacted]ssag[redacted]':
          'Rat[redacted] limit [redacted]xc[redacted][redacted]d[redacted]d',
        'cod[redacted]': 'RATE_LIMITED',
        'd[redacted]tails': { limit: 60 },
      },
    ],
  ])('with the key %j, a 429 body reads %j', (key, expected) => {
    expect(JSON.parse(text(redactBody(bytes(rateLimited), key)))).toEqual(expected);
  });

  it.each([
    ['the message', { message: 'Invalid key sk_live_abc' }, { message: 'Invalid key [redacted]' }],
    [
      'a nested value',
      { code: 'UNAUTHORIZED', details: { sent: ['sk_live_abc', 1] } },
      { code: 'UNAUTHORIZED', details: { sent: ['[redacted]', 1] } },
    ],
  ])('redacts the key in %s', (_, body, expected) => {
    expect(JSON.parse(text(redactBody(bytes(JSON.stringify(body)), 'sk_live_abc')))).toEqual(
      expected,
    );
  });

  it('redacts the key as a property name, at any depth', () => {
    const body = {
      details: { sk_live_abc: 'rejected', 'key sk_live_abc': [{ sk_live_abc: 1 }] },
    };

    expect(JSON.parse(text(redactBody(bytes(JSON.stringify(body)), 'sk_live_abc')))).toEqual({
      details: { '[redacted]': 'rejected', 'key [redacted]': [{ '[redacted]': 1 }] },
    });
  });

  it('redacts a key hidden behind a JSON escape', () => {
    const body = '{"message":"key \\u0073k_live_abc"}';

    expect(JSON.parse(text(redactBody(bytes(body), 'sk_live_abc')))).toEqual({
      message: 'key [redacted]',
    });
  });

  it('redacts the text of a body that is not JSON', () => {
    expect(text(redactBody(bytes('bad key sk_live_abc'), 'sk_live_abc'))).toBe(
      'bad key [redacted]',
    );
  });

  it('returns the same bytes when the key is absent', () => {
    const body = bytes('{ "message" : "spaced" }');

    expect(redactBody(body, 'sk_live_abc')).toBe(body);
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
