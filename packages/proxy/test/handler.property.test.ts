// Property tests over what a browser (or an attacker's page) can send the handler, and over what
// an upstream can answer: whatever the input, no throw, no 5xx but the upstream ones, nothing
// forwarded that the check did not accept, and the key in no response and no log entry.
import { type Operation, operations } from '@ofauth-mass-messages/spec/operations';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { checkedQuery } from '../src/query.js';
import type { ProxyOptions } from '../src/types.js';
import {
  API_KEY,
  CONNECTION_ID,
  type Received,
  recordingFetch,
  visible,
} from './helpers/upstream.js';

const UPSTREAM = 'http://upstream.test';
const BASE = '/api';
const RUNS = { requests: 2_000, errorBodies: 1_000 };

/** Log lines, each a message and its fields as JSON. */
function recordingLogger() {
  const lines: string[] = [];
  const log = (message: string, fields: object) =>
    lines.push(`${message} ${JSON.stringify(fields)}`);
  return { logger: { debug: log, warn: log, error: log }, lines };
}

/** What the upstream received that the proxy's own check would not forward as is. */
function unchecked(received: Received): string | undefined {
  const url = new URL(received.url);
  const operation = operations.find(
    (op) => `${UPSTREAM}${op.path}` === `${url.origin}${url.pathname}`,
  );
  if (!operation) return `an unknown path ${url.pathname}`;
  const query = checkedQuery(operation, url.searchParams);
  if (query.problem || query.search !== url.search) return `an unchecked query ${url.search}`;
  const names = Object.keys(received.headers).sort();
  const allowed = ['accept', 'apikey', 'prefer', 'x-connection-id'];
  if (names.some((name) => !allowed.includes(name))) return `headers ${names.join(', ')}`;
  if (received.headers.apikey !== API_KEY) return 'another key';
  if (received.headers['x-connection-id'] !== CONNECTION_ID) return 'another connection id';
  return undefined;
}

// ---- what a browser can send -------------------------------------------------------------

const segment = fc.oneof(
  fc.constantFrom(
    ...operations.flatMap((op) => op.path.split('/').filter(Boolean)),
    '..',
    '.',
    '%2e%2e',
    '%2E',
    '.%2e',
    '%2F',
    '%5C',
    '\\',
    '',
    'api',
    '%00',
    'é',
    '𝒳',
    '%F0%9F%98%80',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 1, max: 5_000 }).map((n) => 'a'.repeat(n)),
);
const path = fc.oneof(
  // An operation path as it is, often: the interesting requests are the ones that match.
  { weight: 4, arbitrary: fc.constantFrom(...operations.map((op) => `${BASE}${op.path}`)) },
  fc.array(segment, { maxLength: 8 }).map((parts) => `${BASE}/${parts.join('/')}`),
  fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`),
);

const names = [...new Set(operations.flatMap((op) => op.query.map((rule) => rule.name)))];
const value = fc.oneof(
  fc.constantFrom(
    '5',
    '05',
    '1.0',
    '-0',
    '+5',
    '0',
    'null',
    'sent',
    'unsent',
    '',
    '1e1',
    '20',
    '21',
  ),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const anyQuery = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })), value), {
    maxLength: 5,
  })
  .chain((pairs) =>
    fc.boolean().map((encodeNames) =>
      pairs
        .map(([name, text]) => {
          const shown =
            encodeNames && name ? `%${name.charCodeAt(0).toString(16)}${name.slice(1)}` : name;
          return `${encodeURIComponent(shown).replaceAll('%25', '%')}=${encodeURIComponent(text)}`;
        })
        .join('&'),
    ),
  );
/** A query every operation accepts, in any order: most requests a real page sends. */
const validQuery = fc
  .record(
    { limit: fc.integer({ min: 1, max: 20 }), offset: fc.integer({ min: 0, max: 500 }) },
    { requiredKeys: [] },
  )
  .map((values) =>
    new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString(),
  );
const query = fc.oneof({ weight: 2, arbitrary: validQuery }, { weight: 3, arbitrary: anyQuery });

/** A header value fetch's Headers accepts: Latin-1, no NUL, CR or LF. */
const headerValue = (known: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    fc.string({ maxLength: 20 }).filter((text) => /^[\t\x20-\x7e\x80-\xff]*$/.test(text)),
  );
const someHeaders = fc.record(
  {
    host: headerValue([
      'localhost',
      'localhost:3000',
      'evil.test',
      'a b',
      '[::1]',
      'localhost, evil.test',
    ]),
    origin: headerValue(['http://localhost', 'https://evil.test', 'null', 'http://localhost:3000']),
    'sec-fetch-site': headerValue(['same-origin', 'same-site', 'cross-site', 'none']),
    apikey: headerValue(['browser-key', API_KEY]),
    authorization: headerValue(['Bearer browser']),
    cookie: headerValue(['session=1']),
    'x-connection-id': headerValue(['conn_browser']),
    prefer: headerValue(['code=429', 'example=toString', 'example=__proto__', 'return=minimal']),
    accept: headerValue(['application/json', '*/*']),
  },
  { requiredKeys: [] },
);
// A few headers per request: with all of them at once, almost none would be served.
// (`subarray` refuses a maxLength above the array's length: a record may have fewer than 3 keys.)
const headers = someHeaders.chain((all) =>
  fc
    .subarray(Object.keys(all), { maxLength: Math.min(3, Object.keys(all).length) })
    .map((keys) =>
      Object.fromEntries(keys.map((key) => [key, all[key as keyof typeof all] as string])),
    ),
);
const method = fc.oneof(
  { weight: 4, arbitrary: fc.constant('GET') },
  fc.constantFrom(
    'GET',
    'get',
    'HEAD',
    'POST',
    'PUT',
    'PATCH',
    'DELETE',
    'OPTIONS',
    'PROPFIND',
    'QUERY',
  ),
  fc.stringMatching(/^[A-Za-z]{1,10}$/),
);

// ---- what an upstream can answer ---------------------------------------------------------

const documented = [...new Set(operations.flatMap((op) => op.responses.map((r) => r.status)))];
const upstreamStatus = fc.oneof(
  fc.constantFrom(...documented, 302, 307, 204, 503),
  fc.integer({ min: 200, max: 599 }),
);

describe('the handler, over what a browser can send', () => {
  it(`never throws, answers no 5xx but the upstream's, forwards only checked requests and never shows the key (${RUNS.requests} runs)`, async () => {
    let forwarded = 0;
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        query,
        headers,
        upstreamStatus,
        fc.boolean(),
        async (verb, pathname, search, sent, status, forwardPrefer) => {
          const upstream = recordingFetch({
            status,
            body: status === 204 ? '' : '{"list":[],"hasMore":false}',
          });
          const { logger, lines } = recordingLogger();
          const options: ProxyOptions = {
            apiKey: API_KEY,
            authorize: () => CONNECTION_ID,
            upstream: UPSTREAM,
            basePath: BASE,
            fetch: upstream.fetch,
            logger,
            ...(forwardPrefer ? { forwardHeaders: ['prefer'] } : {}),
          };
          const handler = createProxyHandler(options);
          let request: Request;
          try {
            request = new Request(`http://localhost:3000${pathname}?${search}`, {
              method: verb,
              headers: sent,
            });
          } catch {
            return; // not a request the Fetch API can express: no handler ever sees it
          }
          const response = await handler(request);
          const shown = await visible(response);

          expect(upstream.received.length).toBeLessThanOrEqual(1);
          forwarded += upstream.received.length;
          for (const received of upstream.received) expect(unchecked(received)).toBeUndefined();
          if (response.status >= 500) {
            const passedThrough = upstream.received.length === 1 && response.status === status;
            expect(passedThrough || [502, 504].includes(response.status)).toBe(true);
          }
          expect(shown).not.toContain(API_KEY);
          for (const line of lines) expect(line).not.toContain(API_KEY);
        },
      ),
      { numRuns: RUNS.requests },
    );
    console.info(`property (browser input): ${RUNS.requests} runs, ${forwarded} forwarded`);
    expect(forwarded).toBeGreaterThan(0);
  });
});

// ---- upstream error bodies with the key planted ----------------------------------------------

/** JSON with the key planted anywhere: a value, part of one, a property name, nested. */
const planted: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(API_KEY, `Invalid API key ${API_KEY}`, `${API_KEY}${API_KEY}`),
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('node'), { maxLength: 3 }),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(API_KEY, `key:${API_KEY}`, 'message', 'code'),
          fc.string({ maxLength: 5 }),
        ),
        tie('node'),
        fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 2 }),
      )
      .map(([name, inner, rest]) => ({ ...rest, [name]: inner })),
  ),
})).node;

const errorBody = fc.oneof(
  planted.map((json) => JSON.stringify(json)),
  // A body that is not JSON, and JSON that hides the key behind an escape.
  fc.string({ maxLength: 20 }).map((text) => `${text} ${API_KEY} ${text}`),
  fc.constant(`{"message":"\\u0073${API_KEY.slice(1)}"}`),
);
const errorHeaders = fc.dictionary(
  fc.constantFrom(
    'x-request-id',
    'retry-after',
    'content-type',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
    'set-cookie',
    'location',
    'x-debug',
  ),
  fc.constantFrom(API_KEY, `req_${API_KEY}`, `application/json; key=${API_KEY}`, '1'),
  { maxKeys: 4 },
);

describe('the handler, over upstream error bodies with the key planted', () => {
  it(`never shows the key to the browser or the log (${RUNS.errorBodies} runs)`, async () => {
    const operation = operations[0] as Operation;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...documented.filter((s) => s >= 400)),
          fc.integer({ min: 400, max: 599 }),
        ),
        errorBody,
        errorHeaders,
        async (status, body, headers) => {
          const upstream = recordingFetch({ status, body, headers });
          const { logger, lines } = recordingLogger();
          const handler = createProxyHandler({
            apiKey: API_KEY,
            authorize: () => CONNECTION_ID,
            upstream: UPSTREAM,
            fetch: upstream.fetch,
            logger,
          });
          const response = await handler(new Request(`http://localhost${operation.path}`));
          const shown = await visible(response);

          expect(response.status).toBe(status);
          expect(shown).not.toContain(API_KEY);
          for (const line of lines) expect(line).not.toContain(API_KEY);
        },
      ),
      { numRuns: RUNS.errorBodies },
    );
    console.info(`property (upstream error bodies, key planted): ${RUNS.errorBodies} runs`);
  });
});
