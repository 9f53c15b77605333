// Properties of redaction (issue 18): whatever the API (or anything between) answers with the key
// planted in it — in an error body's values or property names however deep, JSON or text, in a
// header that becomes a field (x-request-id, Location), in a fetch failure's cause chain — the
// key never reaches the thrown error (message, every own property, body, cause chain, String(),
// JSON.stringify, util.inspect) nor any debug line. Keys: long (the API's), with JSON tokens and
// an inner space; short ones (dev keys such as `e` or `"`) under the same one rule (core's
// redact.ts): every occurrence goes, inside words too, so no string of the body, code, details or
// request id holds one. Each property counts its runs; the titles state them.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { fakeFetch, type Reply } from './helpers/fake-fetch.js';

const RUNS = 400;

// What keys are made of: a real key's characters, JSON tokens, an inner space. No backslash:
// JSON.stringify escapes by adding one, which could spell such a key out of strings that do not
// hold it.
const KEY_CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~+/=',
  ...'"{}[]:,',
  ' ',
];
const keyOf = (minLength: number, maxLength: number) =>
  fc
    .string({ unit: fc.constantFrom(...KEY_CHARS), minLength, maxLength })
    // What createClient takes (a header carries no edge whitespace).
    .filter((key) => key.trim() === key && key.length >= minLength);
const longKey = fc.oneof(
  keyOf(8, 48),
  fc.constantFrom('sk_live_9f3b1c77e2d04a8b', '"apiKey":', '{"message":"x"}', '[null, true]'),
);
const shortKey = fc.oneof(
  keyOf(1, 7),
  fc.constantFrom('e', '"', ':', '{', '}', ',', 'null', 'true', '1', '[]', 'a b'),
);

/** Text, some of it holding the key: inside a word, as a word, or as all of it. */
function textWith(key: string) {
  const text = fc.string({ maxLength: 10 });
  return fc.oneof(
    text,
    fc.constant(key),
    fc.tuple(text, text).map(([a, b]) => `${a} ${key} ${b}`),
    fc.tuple(text, text).map(([a, b]) => `${a}${key}${b}`),
  );
}

/** A JSON value with the key planted in its strings and property names, however deep. */
function jsonWith(key: string): fc.Arbitrary<unknown> {
  const str = textWith(key);
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      str,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      tie('array'),
      tie('object'),
    ),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(str, tie('value'), { maxKeys: 4 }),
  }));
  // Shaped like an error body of the vendor's (each revision, every field the client now
  // surfaces: error, type, requestId, actionRequired), or anything else.
  return fc.oneof(
    fc.record({ message: str, code: str, details: value }, { requiredKeys: [] }),
    fc.record(
      { error: str, type: str, requestId: str, actionRequired: str, code: str, details: value },
      { requiredKeys: [] },
    ),
    value,
  );
}

/** A body: JSON, text, or JSON cut short (not parseable: redacted as text). */
function bodyWith(key: string) {
  return fc.oneof(
    jsonWith(key).map((body) => JSON.stringify(body)),
    textWith(key),
    jsonWith(key).map((body) => JSON.stringify(body).slice(0, -1)),
  );
}

/** Header values with the key planted; each a header value fetch can carry. */
function headersWith(key: string) {
  const ascii = fc.string({ unit: fc.constantFrom(...KEY_CHARS), maxLength: 8 });
  const value = fc.oneof(
    fc.constant(key),
    fc.tuple(ascii, ascii).map(([a, b]) => `${a}${key}${b}`.trim() || key),
  );
  return fc.record(
    {
      'x-request-id': value,
      'retry-after': value,
      location: fc.oneof(
        value,
        fc.constant(`https://elsewhere.test/${key}?apiKey=${key}`),
        fc.constant(`https://${key}.elsewhere.test/`),
        fc.constant(`/moved/${key}`),
      ),
      'x-echo': value,
      'x-ratelimit-limit': value,
      'x-ratelimit-remaining': value,
      'x-ratelimit-reset': value,
    },
    { requiredKeys: [] },
  );
}

const STATUSES = [200, 301, 302, 307, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

/** A fetch failure whose message, fields and nested causes quote the key. */
function failureWith(key: string) {
  const text = textWith(key);
  const { error } = fc.letrec((tie) => ({
    error: fc.oneof(
      { depthSize: 'small' },
      fc
        .record({ message: text, code: text })
        .map(({ message, code }) => Object.assign(new TypeError(message), { code })),
      fc.tuple(text, tie('error')).map(([message, cause]) => new TypeError(message, { cause })),
      fc
        .tuple(text, fc.array(tie('error'), { minLength: 1, maxLength: 3 }))
        .map(([message, errors]) => new AggregateError(errors as Error[], message)),
      text.map((message) => ({ message, hostname: message })),
    ),
  }));
  return error;
}

/** The call and what it left: the error (if any) and every debug line. */
async function run(apiKey: string, reply: Reply) {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const client = createClient({
    apiKey,
    connectionId: 'conn_1',
    fetch: fakeFetch(reply),
    maxRetries: 0,
    logger: { debug: log, info: log, warn: log, error: log },
    logLevel: 'debug',
    logBodies: true,
  });
  const error = await client.listMassMessages().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, lines };
}

/** Every string reachable from `value`: own property names and values, however deep, cycles cut. */
function reachable(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (Object(value) !== value || seen.has(value)) return [];
  seen.add(value);
  const strings: string[] = [];
  const object = value as Record<PropertyKey, unknown>;
  // An array's names are its indexes and `length`: no data.
  for (const name of Array.isArray(value) ? value.keys() : Reflect.ownKeys(object)) {
    if (typeof name === 'string') strings.push(name);
    strings.push(...reachable(object[name], seen));
  }
  if (value instanceof Error)
    strings.push(String(value), value.message, value.name, `${value.stack}`);
  return strings;
}

/**
 * Every rendering of an error a log or a report could hold, without its stack frames: those
 * are where the code runs (`at … redact.property.test.ts …`), which no response can reach, and
 * a generated key such as `property` would be found there.
 */
function renderings(error: unknown): string[] {
  const fields = Object(error) as Record<string, unknown>;
  return [
    ...reachable(error),
    String(error),
    JSON.stringify(error) ?? '',
    ...Object.keys(fields).map((name) => JSON.stringify(fields[name]) ?? ''),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    // A frame line, bare or quoted (inspect shows a hidden stack as quoted lines).
  ].map((text) => text.replace(/^\s*'?\s*at .*$/gm, ''));
}

describe('property: a long key planted anywhere never reaches an error or a log line', () => {
  it(`in response bodies and headers, any status (${RUNS} runs)`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        longKey.chain((key) =>
          fc.record({
            key: fc.constant(key),
            status: fc.constantFrom(...STATUSES),
            body: bodyWith(key),
            headers: headersWith(key),
          }),
        ),
        async ({ key, status, body, headers }) => {
          runs++;
          const redirect = status >= 300 && status < 400;
          const { error, lines } = await run(
            key,
            new Response(redirect ? null : body, { status, headers }),
          );
          for (const text of [...(error ? renderings(error) : []), ...lines]) {
            expect(text).not.toContain(key);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });

  it(`in a fetch failure's cause chain (${RUNS} runs)`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        longKey.chain((key) => fc.tuple(fc.constant(key), failureWith(key))),
        async ([key, failure]) => {
          runs++;
          const { error, lines } = await run(key, () => {
            throw failure;
          });
          expect(error).toMatchObject({ name: 'APIConnectionError' });
          for (const text of [...renderings(error), ...lines]) expect(text).not.toContain(key);
        },
      ),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });
});

describe('property: a short key the API sends back is in no string of an error’s fields', () => {
  it(`in response bodies and the request id, any status (${RUNS} runs)`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        shortKey.chain((key) =>
          fc.record({
            key: fc.constant(key),
            status: fc.constantFrom(...STATUSES.filter((s) => s < 300 || s >= 400)),
            body: bodyWith(key),
            requestId: textWith(key).map((id) => id.trim() || key),
          }),
        ),
        async ({ key, status, body, requestId }) => {
          runs++;
          const headers = { 'x-request-id': requestId.replace(/[^\x20-\x7e]/g, '') || key };
          const { error } = await run(key, new Response(body, { status, headers }));
          if (!error) return;
          const { body: kept, code, details, requestId: id } = error as Record<string, unknown>;
          for (const text of reachable([kept, code, details, id])) expect(text).not.toContain(key);
        },
      ),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });
});
