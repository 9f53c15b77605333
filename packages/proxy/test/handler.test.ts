import {
  defaultBaseUrl,
  type Operation,
  operations,
  type ParamRule as QueryRule,
} from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it, vi } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import type { ProxyOptions } from '../src/types.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { firstPageQuery } from './helpers/queries.js';
import {
  type Answer,
  API_KEY,
  CONNECTION_ID,
  recordingFetch,
  startUpstream,
  visible,
} from './helpers/upstream.js';

const UPSTREAM = 'http://upstream.test';
const BASE = '/api';

function proxyWith(answer?: Answer | ((url: URL) => Answer), extra: Partial<ProxyOptions> = {}) {
  const upstream = recordingFetch(answer);
  const handler = createProxyHandler({
    apiKey: API_KEY,
    authorize: () => CONNECTION_ID,
    upstream: UPSTREAM,
    basePath: BASE,
    fetch: upstream.fetch,
    ...extra,
  });
  return { handler, received: upstream.received };
}

function browserRequest(path: string, init: RequestInit = {}): Request {
  return new Request(`http://localhost${BASE}${path}`, init);
}

describe.each(operations.map((op) => [op.operationId, op] as const))('%s', (_, operation) => {
  const query = firstPageQuery(operation);

  it('is forwarded to the upstream with the server credentials and the checked query', async () => {
    const page = JSON.stringify(
      operation.kind === 'page' ? { [operation.itemsField]: [{ id: 1 }], hasMore: false } : {},
    );
    const { handler, received } = proxyWith({ body: page, headers: { 'x-request-id': 'req-1' } });
    const response = await handler(browserRequest(`${operation.path}?${query}`));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe(page);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(received).toEqual([
      {
        url: `${UPSTREAM}${operation.path}?${query}`,
        method: 'GET',
        headers: { accept: 'application/json', apikey: API_KEY, 'x-connection-id': CONNECTION_ID },
      },
    ]);
  });

  it.each(operation.responses.map((r) => [r.status, r.headers] as const))(
    'passes a %i through with its body and documented headers',
    async (status, documented) => {
      const body = JSON.stringify({ message: `status ${status}`, code: `C${status}` });
      const headers = Object.fromEntries(documented.map((name) => [name, `${name}-value`]));
      const { handler } = proxyWith({ status, body, headers: { ...headers, 'x-request-id': 'r' } });
      const response = await handler(browserRequest(operation.path));

      expect(response.status).toBe(status);
      expect(await response.text()).toBe(body);
      expect(response.headers.get('x-request-id')).toBe('r');
      for (const name of documented) expect(response.headers.get(name)).toBe(`${name}-value`);
    },
  );
});

describe('what reaches the upstream', () => {
  const operation = operations[0] as Operation;

  it.each([
    ['apiKey', 'browser-key'],
    ['x-connection-id', 'browser-connection'],
    ['authorization', 'Bearer browser-token'],
    ['proxy-authorization', 'Basic Zm9vOmJhcg=='],
    ['x-api-key', 'browser-key'],
    ['cookie', 'session=abc'],
    ['x-forwarded-for', '203.0.113.9'],
    ['user-agent', 'Browser/1.0'],
    ['origin', 'http://localhost'],
    ['prefer', 'code=429'],
  ])('drops the browser header %s', async (name, value) => {
    const { handler, received } = proxyWith();
    await handler(browserRequest(operation.path, { headers: { [name]: value } }));

    expect(received[0]?.headers).toEqual({
      accept: 'application/json',
      apikey: API_KEY,
      'x-connection-id': CONNECTION_ID,
    });
  });

  it('passes the browser accept header and the headers named in forwardHeaders', async () => {
    const { handler, received } = proxyWith(undefined, { forwardHeaders: ['Prefer'] });
    await handler(
      browserRequest(operation.path, {
        headers: { accept: 'application/json, */*', prefer: 'example=lastPage', apiKey: 'b' },
      }),
    );

    expect(received[0]?.headers).toEqual({
      accept: 'application/json, */*',
      prefer: 'example=lastPage',
      apikey: API_KEY,
      'x-connection-id': CONNECTION_ID,
    });
  });

  it('forwards the checked values in canonical form, not the query as written', async () => {
    const { handler, received } = proxyWith();
    // Reversed, a name and the values percent-encoded: the same parameters.
    const sent = 'offset=%34&%6Cimit=%32';
    await handler(browserRequest(`${operation.path}?${sent}`));

    expect(new URL(received[0]?.url ?? '').search).toBe('?limit=2&offset=4');
  });

  it.each([
    ['limit=05', '?limit=5'],
    ['offset=-0', '?offset=0'],
    ['offset=007', '?offset=7'],
  ])('forwards %s (digits read as the integer they spell) as %s', async (query, forwarded) => {
    const { handler, received } = proxyWith();
    await handler(browserRequest(`${operation.path}?${query}`));

    expect(new URL(received[0]?.url ?? '').search).toBe(forwarded);
  });

  it.each(['offset=1.0', 'limit=%2B5', 'limit=1e1', 'offset=9007199254740993'])(
    'refuses %s (not an integer in decimal digits) with 400, forwarding nothing',
    async (query) => {
      const { handler, received } = proxyWith();
      const response = await handler(browserRequest(`${operation.path}?${query}`));

      expect(response.status).toBe(400);
      expect(received).toEqual([]);
    },
  );

  it('joins the operation path to an upstream that has a path of its own', async () => {
    const { handler, received } = proxyWith(undefined, { upstream: 'http://gw.test/ofauth/' });
    await handler(browserRequest(`${operation.path}?limit=1`));

    expect(received[0]?.url).toBe(`http://gw.test/ofauth${operation.path}?limit=1`);
  });

  it('serves the spec paths at the root when no basePath is given', async () => {
    const upstream = recordingFetch();
    const handler = createProxyHandler({
      apiKey: API_KEY,
      authorize: () => CONNECTION_ID,
      fetch: upstream.fetch,
    });
    const response = await handler(new Request(`http://localhost${operation.path}`));

    expect(response.status).toBe(200);
    expect(upstream.received[0]?.url).toBe(`${defaultBaseUrl}${operation.path}`);
  });
});

describe('what reaches the browser', () => {
  const operation = operations[0] as Operation;

  it('passes Retry-After and the request id of a 429', async () => {
    const body = '{"message":"Rate limit exceeded","code":"RATE_LIMITED"}';
    const { handler } = proxyWith({
      status: 429,
      body,
      headers: { 'retry-after': '30', 'x-request-id': 'req-429' },
    });
    const response = await handler(browserRequest(operation.path));

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('x-request-id')).toBe('req-429');
    expect(await response.json()).toEqual({ message: 'Rate limit exceeded', code: 'RATE_LIMITED' });
  });

  it('strips cookies, hop-by-hop and undocumented headers, and marks the answer no-store', async () => {
    const { handler } = proxyWith({
      headers: {
        'set-cookie': 'upstream=1',
        connection: 'keep-alive',
        'keep-alive': 'timeout=5',
        'x-powered-by': 'Upstream',
        'cache-control': 'public, max-age=600',
        'x-request-id': 'req-2',
      },
    });
    const response = await handler(browserRequest(operation.path));

    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-request-id': 'req-2',
    });
  });

  it.each([
    ['a nested value', (key: string) => ({ message: 'Bad key', details: { got: [`key ${key}`] } })],
    ['the message', (key: string) => ({ message: `Invalid API key ${key}`, code: 'UNAUTHORIZED' })],
  ])('redacts the key echoed in %s of an error body, keeping the rest', async (_, make) => {
    const { handler } = proxyWith({ status: 401, body: JSON.stringify(make(API_KEY)) });
    const response = await handler(browserRequest(operation.path));

    expect(await response.json()).toEqual(make('[redacted]'));
  });
});

describe('refusals', () => {
  const [first] = operations;
  const operation = first as Operation;

  it.each([
    ['an unknown path', 'GET', '/api/v2/access/unknown'],
    ['a path outside the base path', 'GET', `${operation.path}`],
    ['a prefix that only looks alike', 'GET', `/apix${operation.path}`],
    ['a trailing slash', 'GET', `${BASE}${operation.path}/`],
  ])('answers 404 NOT_FOUND to %s', async (_, method, path) => {
    const { handler, received } = proxyWith();
    const response = await handler(new Request(`http://localhost${path}`, { method }));

    const body = await expectProxyError(response, { status: 404, code: 'NOT_FOUND' });
    expect(body.error).toContain(path);
    for (const op of operations) expect(body.error).toContain(`GET ${BASE}${op.path}`);
    expect(received).toEqual([]);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])(
    'answers 405 with Allow: GET to %s on an operation path',
    async (method) => {
      const { handler, received } = proxyWith();
      const response = await handler(browserRequest(operation.path, { method }));

      expect(response.headers.get('allow')).toBe('GET');
      await expectProxyError(response, {
        status: 405,
        code: 'METHOD_NOT_ALLOWED',
        error: `${method} is not allowed on ${BASE}${operation.path}: use GET.`,
      });
      expect(received).toEqual([]);
    },
  );

  /** A value each rule refuses, derived from the rule itself. */
  function badValues(rule: QueryRule): string[] {
    if (rule.enum) return ['bogus'];
    const values = ['abc', ''];
    if (rule.maximum !== undefined) values.push(String(rule.maximum + 1));
    if (rule.minimum !== undefined) values.push(String(rule.minimum - 1));
    if (rule.type === 'integer') values.push('1.5');
    return values;
  }

  const badQueries = operations.flatMap((op) =>
    op.query.flatMap((rule) =>
      badValues(rule).map((value) => [op.operationId, rule.name, value, op, rule] as const),
    ),
  );

  it.each(badQueries)('answers 400 to %s with %s=%j', async (_, __, value, op, rule) => {
    const { handler, received } = proxyWith();
    const search = new URLSearchParams({ [rule.name]: value });
    const response = await handler(browserRequest(`${op.path}?${search}`));

    await expectProxyError(response, {
      status: 400,
      code: 'VALIDATION_ERROR',
      error: `${rule.name} must be ${rule.allowed}, got ${JSON.stringify(value)}`,
      details: { parameter: rule.name, allowed: rule.allowed },
    });
    expect(received).toEqual([]);
  });

  it.each([
    ['an unknown name', 'page=2', 'page', 'page must be left out (known: '],
    ['a name given twice', 'limit=1&limit=2', 'limit', 'limit must be given once, got "1,2"'],
  ])('answers 400 to %s', async (_, query, parameter, message) => {
    const { handler, received } = proxyWith();
    const response = await handler(browserRequest(`${operation.path}?${query}`));

    const body = await expectProxyError(response, {
      status: 400,
      code: 'VALIDATION_ERROR',
      error: expect.stringContaining(message),
      details: expect.objectContaining({ parameter }),
    });
    expect(body.details).toMatchObject({ parameter });
    expect(received).toEqual([]);
  });
});

describe('upstream failures', () => {
  const operation = operations[0] as Operation;

  it('answers 502 when the upstream is unreachable, logging why without the key', async () => {
    const closed = await startUpstream();
    await closed.close(); // its port now refuses connections
    const warn = vi.fn();
    const handler = createProxyHandler({
      apiKey: API_KEY,
      authorize: () => CONNECTION_ID,
      upstream: closed.url,
      logger: { warn },
    });
    const response = await handler(new Request(`http://localhost${operation.path}`));

    await expectProxyError(response, {
      status: 502,
      code: 'UPSTREAM_UNREACHABLE',
      error: 'The API could not be reached.',
    });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[1]).toMatchObject({
      status: 502,
      path: operation.path,
    });
    expect(warn.mock.calls[0]?.[1].error).toMatch(/^TypeError: fetch failed \(ECONNREFUSED: /);
  });

  it.each([
    ['never answers', () => new Promise<Answer>(() => {})],
    ['sends headers but never finishes the body', () => ({ stallBody: true })],
  ])('answers 504 when the upstream %s', async (_, answer) => {
    const stalled = await startUpstream(answer);
    try {
      const handler = createProxyHandler({
        apiKey: API_KEY,
        authorize: () => CONNECTION_ID,
        upstream: stalled.url,
        timeoutMs: 300,
      });
      const response = await handler(new Request(`http://localhost${operation.path}`));

      await expectProxyError(response, {
        status: 504,
        code: 'UPSTREAM_TIMEOUT',
        error: 'The API did not answer within 300 ms.',
      });
      expect(stalled.received).toHaveLength(1);
    } finally {
      await stalled.close();
    }
  });

  it('answers 502 to an upstream redirect instead of sending the key after it', async () => {
    const { handler, received } = proxyWith({
      status: 307,
      body: '',
      headers: { location: 'http://elsewhere.test/steal' },
    });
    const response = await handler(browserRequest(operation.path));

    expect(response.headers.get('location')).toBeNull();
    await expectProxyError(response, {
      status: 502,
      code: 'UPSTREAM_REDIRECT',
      error: 'The API answered with a redirect, which the proxy does not follow.',
    });
    expect(received.map((r) => r.url)).toEqual([`${UPSTREAM}${operation.path}`]);
  });

  it('never sends the key to where a real upstream redirects', async () => {
    const elsewhere = await startUpstream();
    const redirecting = await startUpstream({
      status: 302,
      body: '',
      headers: { location: `${elsewhere.url}/collect` },
    });
    try {
      const handler = createProxyHandler({
        apiKey: API_KEY,
        authorize: () => CONNECTION_ID,
        upstream: redirecting.url,
      });
      const response = await handler(new Request(`http://localhost${operation.path}`));

      expect(response.status).toBe(502);
      expect(redirecting.received).toHaveLength(1);
      expect(elsewhere.received).toEqual([]);
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });

  it('cancels the upstream call when the browser goes away', async () => {
    let upstreamSignal: AbortSignal | undefined;
    const handler = createProxyHandler({
      apiKey: API_KEY,
      authorize: () => CONNECTION_ID,
      fetch: (_input, init) =>
        new Promise((_, reject) => {
          upstreamSignal = init?.signal ?? undefined;
          upstreamSignal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const browser = new AbortController();
    const pending = handler(
      new Request(`http://localhost${operation.path}`, { signal: browser.signal }),
    );
    await vi.waitFor(() => expect(upstreamSignal).toBeDefined());
    browser.abort();
    const response = await pending;

    expect(upstreamSignal?.aborted).toBe(true);
    expect(response.status).toBe(499);
  });

  it('does not call the upstream for a browser that left while authorize ran', async () => {
    const browser = new AbortController();
    const { handler, received } = proxyWith(undefined, {
      authorize: async () => {
        browser.abort();
        return CONNECTION_ID;
      },
    });
    const response = await handler(browserRequest(operation.path, { signal: browser.signal }));

    expect(response.status).toBe(499);
    expect(received).toEqual([]);
  });
});

describe('the logger', () => {
  const operation = operations[0] as Operation;

  it('failing does not change the answer: the browser still gets the API’s', async () => {
    const boom = () => {
      throw new Error('log sink down');
    };
    const { handler } = proxyWith(
      { status: 429 },
      { logger: { debug: boom, warn: boom, error: boom } },
    );
    const response = await handler(browserRequest(operation.path));

    expect(response.status).toBe(429);
  });

  it('gets one debug entry per forwarded request: operation, status, duration, request id', async () => {
    const debug = vi.fn();
    const { handler } = proxyWith(
      { status: 429, headers: { 'x-request-id': 'req-log' } },
      { logger: { debug } },
    );
    await handler(browserRequest(`${operation.path}?limit=1`));
    await handler(browserRequest('/nowhere'));

    expect(debug).toHaveBeenCalledOnce();
    expect(debug).toHaveBeenCalledWith(`GET ${operation.path} 429`, {
      method: 'GET',
      path: operation.path,
      operationId: operation.operationId,
      status: 429,
      durationMs: expect.any(Number),
      requestId: 'req-log',
    });
  });
});

describe('the key never shows', () => {
  const operation = operations[0] as Operation;

  it('in any response or log line, whatever the outcome', async () => {
    const lines: string[] = [];
    const logger = {
      debug: (message: string, fields: object) => lines.push(message, JSON.stringify(fields)),
      warn: (message: string, fields: object) => lines.push(message, JSON.stringify(fields)),
    };
    const answers: Array<ProxyOptions['fetch']> = [
      recordingFetch({ body: '{"list":[],"hasMore":false}' }).fetch,
      recordingFetch({ status: 401, body: `{"message":"bad key ${API_KEY}"}` }).fetch,
      recordingFetch({ status: 500, body: `upstream said ${API_KEY}` }).fetch,
      recordingFetch({ headers: { 'x-echo-key': API_KEY, 'set-cookie': API_KEY } }).fetch,
      // A custom fetch whose error quotes the request it was given, headers and all.
      async (_input, init) => {
        throw new Error(
          `failed: ${JSON.stringify(Object.fromEntries(new Headers(init?.headers)))}`,
        );
      },
    ];
    const paths = [operation.path, `${operation.path}?limit=999`, '/nowhere'];
    const shown: string[] = [];
    for (const fetch of answers) {
      const handler = createProxyHandler({
        apiKey: API_KEY,
        authorize: () => CONNECTION_ID,
        logger,
        ...(fetch ? { fetch } : {}),
      });
      for (const path of paths)
        shown.push(await visible(await handler(new Request(`http://localhost${path}`))));
    }

    expect(shown).toHaveLength(answers.length * paths.length);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...shown, ...lines]) expect(text).not.toContain(API_KEY);
  });
});
