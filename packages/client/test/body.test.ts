// readCapped on its own: what it returns for each kind of body, and where it stops.
import { describe, expect, it } from 'vitest';
import { readCapped } from '../src/body.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readCapped', () => {
  it.each<[string, Response, number, string | undefined]>([
    ['no body', new Response(null, { status: 204 }), 10, ''],
    ['an empty body', new Response(''), 10, ''],
    ['a body under the cap', new Response('{"a":1}'), 10, '{"a":1}'],
    ['a body of exactly the cap (bytes, not characters)', new Response('é'), 2, 'é'],
    ['a body one byte over', new Response('é'), 1, undefined],
    [
      'an unreadable content-length: read and counted',
      new Response('abc', { headers: { 'content-length': 'lots' } }),
      10,
      'abc',
    ],
    [
      'a content-length over the cap, whatever the body',
      new Response('abc', { headers: { 'content-length': '11' } }),
      10,
      undefined,
    ],
    ['a byte-order mark, dropped as text() drops it', new Response(bytes('\uFEFFhi')), 10, 'hi'],
  ])('%s', async (_, response, max, expected) => {
    expect(await readCapped(response, max)).toBe(expected);
  });

  it('decodes invalid UTF-8 as text() does', async () => {
    const raw = Uint8Array.of(0x68, 0xff, 0x69);
    expect(await readCapped(new Response(raw), 10)).toBe(await new Response(raw).text());
  });
});
