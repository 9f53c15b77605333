// Requests as an attacker or a confused client sends them, for the property tests: paths,
// queries, headers and methods, every part drawn from what a spec names (routes with their path
// parameters filled, parameters, dates, booleans, examples, security headers) mixed with what it
// does not (encodings, dot segments, unicode, very long values, names every JavaScript object
// inherits, huge numbers, repeats). The spec's by default; any SpecData (a fixture) on demand.
import fc from 'fast-check';
import type { SpecData } from '../../src/core/spec-data.js';
import { spec as bundled } from './core.js';
import { INHERITED_NAMES } from './http.js';

export interface DrawnRequest {
  method: string;
  /** Path and query as sent: not normalised, possibly not even a valid URL path. */
  target: string;
  /** Header name → value; a security header may be absent, empty or the planted key. */
  headers: Record<string, string>;
  /** The API key sent (if any), which no answer and no log line may contain. */
  apiKey: string | undefined;
  /** The 5xx statuses the request asked for with Prefer (`code=500`, `example=upstreamFailure`). */
  asked: Set<number>;
}

export interface DrawOptions {
  /** The longest path or value drawn (a server's request line is bounded; the core's is not). */
  maxLength: number;
  /** Only what can be written on an HTTP/1.1 request line and in header values. */
  wire: boolean;
  /** The spec whose routes, parameters and examples are drawn (the bundle's by default). */
  spec?: SpecData;
}

/** What the draws are made of, read from a spec. */
function vocabulary(spec: SpecData) {
  const rules = spec.operations.flatMap((op) => [...op.query, ...op.pathParams]);
  return {
    exampleNames: [
      ...new Set(
        Object.values(spec.responses).flatMap((byStatus) =>
          Object.values(byStatus).flatMap(({ examples }) => Object.keys(examples)),
        ),
      ),
    ],
    documentedStatuses: [
      ...new Set(Object.values(spec.responses).flatMap((byStatus) => Object.keys(byStatus))),
    ].map(Number),
    ruleNames: [...new Set(rules.map((rule) => rule.name))],
    enumValues: [...new Set(rules.flatMap((rule) => (rule.enum ?? []).map(String)))],
  };
}

/** Dates and booleans as text: valid, nearly valid, and not at all. */
const dateText = fc.constantFrom(
  '2026-11-01',
  '2026-11-01T00:00:00Z',
  '2026-11-21T09:00:00+00:00',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '2026-11-01T25:00:00Z',
  '1 Nov 2026',
  'true',
  'false',
  'TRUE',
  'null',
);

/** Text a client might put anywhere: short or long, ASCII, unicode, or the odd character. */
function oddText(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.constantFrom('', ' ', '%', '%zz', '%00', '%2e%2e', '..', '.', '\\', '🙂', 'ü', '\u202e'),
    fc.constantFrom(...INHERITED_NAMES),
    fc.nat({ max: 8 }).map((n) => 'x'.repeat(Math.min(maxLength, 10 ** n / 2))),
  );
}

/** Numbers as text: in range, negative, huge, with leading zeros, fractions, exponents. */
const numberText = fc.oneof(
  fc.integer({ min: -5, max: 120 }).map(String),
  fc.constantFrom('05', '007', '1.0', '1e3', '-0', '0x10', 'NaN', 'Infinity', '', ' 1'),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 40n }).map(String),
);

/** A path: a route of the spec (maybe mangled) or anything at all. */
function pathOf(options: DrawOptions, spec: SpecData): fc.Arbitrary<string> {
  const segment = fc.oneof(
    oddText(options.maxLength),
    fc.constantFrom('.', '..', '%2e', '%2E%2E', '%2f', '', 'v2'),
  );
  // A template's parameters filled with numbers (in range or not) or anything at all, encoded.
  const value = fc.oneof(
    { arbitrary: numberText, weight: 3 },
    segment.map((text) => encodeURIComponent(text)),
  );
  const route = fc.constantFrom(...spec.operations.map((op) => op.path)).chain((path) => {
    const names = [...path.matchAll(/\{[^}]*\}/g)];
    if (names.length === 0) return fc.constant(path);
    return fc.array(value, { minLength: names.length, maxLength: names.length }).map((values) => {
      let i = 0;
      return path.replace(/\{[^}]*\}/g, () => values[i++] ?? '');
    });
  });
  // Most requests reach a route, so that the query, the headers and Prefer are read at all.
  return fc.oneof(
    { arbitrary: route, weight: 24 },
    route.map((path) => `${path}/`),
    fc.tuple(route, segment).map(([path, extra]) => `${path}/${extra}`),
    fc.tuple(segment, route).map(([extra, path]) => `/${extra}${path}`),
    route.map((path) => path.replace(/\//g, '//')),
    route.map((path) => path.replace(/a/g, '%61')),
    route.map((path) => path.toUpperCase()),
    fc.array(segment, { maxLength: 6 }).map((segments) => `/${segments.join('/')}`),
  );
}

/** A query string: the spec's parameters and unknown ones, repeated, with odd values. */
const queryOf = (options: DrawOptions, words: ReturnType<typeof vocabulary>) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { arbitrary: fc.constantFrom(...words.ruleNames), weight: 4 },
          oddText(options.maxLength),
        ),
        fc.oneof(
          { arbitrary: numberText, weight: 2 },
          ...(words.enumValues.length > 0
            ? [{ arbitrary: fc.constantFrom(...words.enumValues), weight: 2 }]
            : []),
          { arbitrary: dateText, weight: 2 },
          oddText(options.maxLength),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) =>
      pairs.length === 0
        ? ''
        : `?${pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')}`,
    );

/** One Prefer token, with what it asks for (the 5xx it may make). */
const preferToken = (words: ReturnType<typeof vocabulary>) =>
  fc.oneof(
    fc.record({
      key: fc.constantFrom('code', 'Code', 'CODE'),
      value: fc.oneof(fc.constantFrom(...words.documentedStatuses).map(String), numberText),
    }),
    fc.record({
      key: fc.constant('example'),
      value: fc.oneof(
        fc.constantFrom(...words.exampleNames),
        fc.constantFrom(...INHERITED_NAMES),
        fc.string({ maxLength: 10 }),
      ),
    }),
    // The bucket on or off for this request (no option in the property runs: never emptied).
    fc.record({ key: fc.constant('rate-limit'), value: fc.constantFrom('vendor', 'off', 'fast') }),
    fc.record({
      key: fc.constantFrom('times', 'seed', 'retry-after'),
      value: fc.oneof(numberText, fc.constantFrom('1', '2', '3')),
    }),
    // delay= kept to none at all: every drawn request is answered at once.
    fc.record({ key: fc.constant('delay'), value: fc.constantFrom('0', '-1', 'abc') }),
    fc.record({
      key: fc.oneof(fc.constantFrom(...INHERITED_NAMES), fc.string({ maxLength: 8 })),
      value: fc.oneof(numberText, fc.string({ maxLength: 8 })),
    }),
  );

/**
 * The 5xx statuses a Prefer header asks for, read as the README documents the header (tokens
 * split at `,` or `;`, `key=value`, quotes allowed): a `code=` of one, or an example of one.
 */
export function askedFor(prefer: string | undefined, spec: SpecData = bundled): Set<number> {
  const asked = new Set<number>();
  for (const token of (prefer ?? '').split(/[,;]/)) {
    const [rawKey = '', ...rest] = token.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"|"$/g, '');
    if (key === 'code' && /^5\d\d$/.test(value)) asked.add(Number(value));
    if (key !== 'example') continue;
    for (const byStatus of Object.values(spec.responses)) {
      for (const [status, { examples }] of Object.entries(byStatus)) {
        if (status.startsWith('5') && Object.hasOwn(examples, value)) asked.add(Number(status));
      }
    }
  }
  return asked;
}

/** A key no generated path, query or header could contain by chance. */
const apiKeyOf = fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((random) => `sk_live_${random}`);

/** Only what node's HTTP client lets through: percent-encode the rest of a request target. */
function onTheWire(target: string): string {
  return target.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

/** Header values node's client refuses (control characters, beyond Latin-1) left out. */
function headerValue(value: string, wire: boolean): string {
  return wire ? value.replace(/[^\t\x20-\x7e]/g, '') : value;
}

export function drawnRequest(options: DrawOptions): fc.Arbitrary<DrawnRequest> {
  const spec = options.spec ?? bundled;
  const words = vocabulary(spec);
  const security = fc.oneof(
    { arbitrary: fc.constant('sent'), weight: 8 },
    fc.constant('absent'),
    fc.constant('empty'),
  );
  return fc
    .record({
      method: fc.oneof(
        { arbitrary: fc.constant('GET'), weight: 8 },
        fc.constantFrom('HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'get', 'Get'),
      ),
      path: pathOf(options, spec),
      query: queryOf(options, words),
      apiKey: apiKeyOf,
      key: security,
      connection: security,
      connectionId: fc.oneof(fc.stringMatching(/^[a-z0-9_]{1,12}$/), oddText(64)),
      prefer: fc.option(
        fc.record({
          tokens: fc.array(preferToken(words), { maxLength: 5 }),
          separator: fc.constantFrom(', ', ',', '; ', ';'),
        }),
      ),
      origin: fc.option(fc.constantFrom('http://localhost:5173', 'null', 'https://evil.test')),
    })
    .map((drawn) => {
      const headers: Record<string, string> = {};
      const [keyHeader = 'apiKey', connectionHeader = 'x-connection-id'] = spec.authHeaders;
      if (drawn.key !== 'absent') headers[keyHeader] = drawn.key === 'sent' ? drawn.apiKey : '';
      if (drawn.connection !== 'absent') {
        headers[connectionHeader] =
          drawn.connection === 'sent'
            ? headerValue(drawn.connectionId, options.wire) || 'conn'
            : '';
      }
      if (drawn.prefer) {
        headers.prefer = headerValue(
          drawn.prefer.tokens
            .map(({ key, value }) => `${key}=${value}`)
            .join(drawn.prefer.separator),
          options.wire,
        );
      }
      if (drawn.origin) headers.origin = drawn.origin;
      const target = `${drawn.path}${drawn.query}`;
      return {
        method: options.wire ? drawn.method.toUpperCase() : drawn.method,
        // A server's request line and headers share a bound (node's is 16 KiB).
        target: options.wire ? onTheWire(target).slice(0, options.maxLength) : target,
        headers,
        apiKey: drawn.key === 'sent' ? drawn.apiKey : undefined,
        asked: askedFor(headers.prefer, spec),
      };
    });
}
