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

  it('keeps a `__proto__` name as data, not as the prototype', () => {
    const body = redactBody('{"__proto__":{"polluted":true},"a":1}', redact);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.keys(body as object)).toEqual(['__proto__', 'a']);
    expect(redactText('{"__proto__":{"k":"x"},"a":1}', redact)).toBe(
      '{"__proto__":{"k":"x"},"a":1}',
    );
  });

  it('keeps a JSON string body JSON', () => {
    expect(redactText(`"${KEY}"`, redact)).toBe(`"${REDACTED}"`);
    expect(redactText('"plain"', redact)).toBe('"plain"');
  });

  // A key can be spelt by what no string holds: a number, a literal, a name with the quotes and
  // colon around it. Then the text, redacted, rather than a value that serialises to the key.
  it.each([
    ['a number', '1', '{"limit":1}', '{"limit":[redacted]}'],
    ['the whole body', '{"a":"b"}', '{"a":"b"}', REDACTED],
    ['a name and the structure around it', '"apiKey":', '{"apiKey":1}', '{[redacted]1}'],
  ])('a key spelt by %s', (_, key, text, expected) => {
    expect(redactBody(text, redactor(key))).toBe(expected);
    expect(redactText(text, redactor(key))).toBe(expected);
  });

  it('a key spelt by the spacing of the text as sent: the JSON written again', () => {
    const text = '{"a":1, "b":2}';
    expect(redactBody(text, redactor('1, "b"'))).toEqual({ a: 1, b: 2 });
    expect(redactText(text, redactor('1, "b"'))).toBe('{"a":1,"b":2}');
  });

  // A key of nothing but JSON punctuation is spelt by every JSON text's structure: it is removed
  // from the strings, and the body stays JSON.
  it.each([
    ['"', '{"message":"say \\"hi\\""}', { message: `say ${REDACTED}hi${REDACTED}` }],
    [':', '{"a":"b:c","d":1}', { a: `b${REDACTED}c`, d: 1 }],
    ['{', '{"a":"{"}', { a: REDACTED }],
  ])('a key of JSON punctuation (%j) keeps the body JSON', (key, text, expected) => {
    expect(redactBody(text, redactor(key))).toEqual(expected);
    expect(JSON.parse(redactText(text, redactor(key)))).toEqual(expected);
  });

  it('garbles the words a short key stands in, leaving the body JSON', () => {
    const text = '{"message":"Rate limit exceeded","code":"RATE_LIMITED"}';
    expect(JSON.parse(redactText(text, redactor('e')))).toEqual({
      'm***ssag***': 'Rat*** limit ***xc******d***d',
      'cod***': 'RATE_LIMITED',
    });
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

  it('in the text a body is handed on as, JSON or not, however it is spaced', () => {
    let runs = 0;
    fc.assert(
      fc.property(keys, fc.jsonValue(), fc.string(), fc.nat(2), (key, value, around, space) => {
        runs++;
        const body = {
          [`${around}${key}`]: [value, `${around}${key}${around}`],
          x: { [key]: key },
        };
        const redact = redactor(key);
        for (const text of [JSON.stringify(body, null, space), JSON.stringify(value) ?? around]) {
          const out = redactText(text, redact);
          // Only a key of JSON's punctuation may stay: the structure every JSON text has.
          if (!/^[\s"\\{}[\]:,]*$/.test(key)) expect(out).not.toContain(key);
          else for (const string of strings(JSON.parse(out))) expect(string).not.toContain(key);
        }
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
