// The one redaction: the key never survives, wherever it is planted; nothing else is touched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactBody, redactor, redactText } from '../src/redact.js';

const KEY = 'sk_live_5f2a9c1e7b3d';
const redact = redactor(KEY);

describe('redactor', () => {
  it.each([
    ['in a sentence', `Invalid API key ${KEY}.`, `Invalid API key ${REDACTED}.`],
    [
      'percent-encoded',
      `https://x/?k=${encodeURIComponent(`${KEY}/`)}`,
      `https://x/?k=${REDACTED}%2F`,
    ],
    ['twice, back to back', `${KEY}${KEY}`, `${REDACTED}${REDACTED}`],
    ['absent', 'nothing here', 'nothing here'],
  ])('%s', (_, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('is the identity without a secret', () => {
    expect(redactor(undefined)('a b')).toBe('a b');
    expect(redactor('')('a b')).toBe('a b');
  });

  it('uses another mark for a key the usual mark contains', () => {
    expect(redactor('e')('hello')).toBe('h***llo');
  });
});

describe('redactBody and redactText', () => {
  it('redacts property names and values however deep, and JSON-escaped forms', () => {
    const text = `{"${KEY}":{"list":["${KEY.replace('s', '\\u0073')}",1,null]},"error":"bad"}`;
    expect(redactBody(text, redact)).toEqual({
      [REDACTED]: { list: [REDACTED, 1, null] },
      error: 'bad',
    });
  });

  it('keeps the bytes of a body that holds no key', () => {
    const text = '{ "error" : "x" }';
    expect(redactText(text, redact)).toBe(text);
  });

  it('redacts text that is not JSON', () => {
    expect(redactBody(`<h1>${KEY}</h1>`, redact)).toBe(`<h1>${REDACTED}</h1>`);
  });
});

/** Every string of a parsed JSON value: its string values and its property names. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => [name, ...strings(item)]);
  }
  return [];
}

describe('the key never survives (property)', () => {
  const keys = fc.oneof(
    fc.string({ minLength: 1, maxLength: 4 }),
    fc.string({ minLength: 8, maxLength: 40 }),
    fc.constantFrom('"', '\\', ':', '{', 'null', 'e', '[redacted]', '%', 'a b'),
  );

  it('in any JSON body, as a value, a name or inside either', () => {
    let runs = 0;
    fc.assert(
      fc.property(keys, fc.jsonValue(), fc.string(), (key, value, around) => {
        runs++;
        const body = {
          [`${around}${key}`]: [value, `${around}${key}${around}`],
          x: { [key]: key },
        };
        const out = redactBody(JSON.stringify(body), redactor(key));
        // No string of what is handed on (a value or a property name) holds the key.
        for (const text of strings(out)) expect(text).not.toContain(key);
      }),
      { numRuns: 1000 },
    );
    expect(runs).toBe(1000);
  });

  it('in any text', () => {
    fc.assert(
      fc.property(keys, fc.string(), fc.string(), (key, before, after) => {
        expect(redactor(key)(`${before}${key}${after}`)).not.toContain(key);
      }),
      { numRuns: 1000 },
    );
  });
});
