import { defaultBaseUrl, operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import { ProxyConfigError } from '../src/errors.js';
import { DEFAULT_TIMEOUT_MS, resolveOptions } from '../src/options.js';
import type { ProxyOptions } from '../src/types.js';
import { API_KEY, CONNECTION_ID } from './helpers/upstream.js';

const valid: ProxyOptions = { apiKey: API_KEY, authorize: () => CONNECTION_ID };

describe('resolveOptions', () => {
  it('defaults to the spec server, no base path, 30 s, no extra headers and the spec table', () => {
    const resolved = resolveOptions(valid);

    expect(resolved).toMatchObject({
      upstream: defaultBaseUrl,
      basePath: '',
      timeoutMs: DEFAULT_TIMEOUT_MS,
      forwardHeaders: [],
      operations,
    });
  });

  it.each([
    [{ upstream: 'http://127.0.0.1:4010/' }, { upstream: 'http://127.0.0.1:4010' }],
    [{ baseUrl: 'https://gw.test/ofauth//' }, { upstream: 'https://gw.test/ofauth' }],
    [{ basePath: '/api/' }, { basePath: '/api' }],
    [{ basePath: '/' }, { basePath: '' }],
    [{ forwardHeaders: ['Prefer'] }, { forwardHeaders: ['prefer'] }],
  ] as const)('normalises %j', (extra, expected) => {
    expect(resolveOptions({ ...valid, ...extra })).toMatchObject(expected);
  });

  // Each bad option fails with a message naming it and never holding the credential's value.
  it.each([
    ['apiKey', { apiKey: undefined }, 'apiKey is required'],
    ['apiKey', { apiKey: '' }, 'apiKey is required'],
    ['apiKey', { apiKey: 42 }, 'apiKey must be a non-empty string, got a number'],
    ['apiKey', { apiKey: `${API_KEY}\n` }, 'apiKey cannot be sent as a header'],
    ['apiKey', { apiKey: ` ${API_KEY}` }, 'apiKey cannot be sent as a header'],
    ['apiKey', { apiKey: `${API_KEY}é€` }, 'apiKey cannot be sent as a header'],
    ['apiKey', { apiKey: `${API_KEY}\u0007` }, 'apiKey cannot be sent as a header'],
    ['apiKey', { apiKey: `${API_KEY}\u00a0` }, 'apiKey cannot be sent as a header'],
    ['authorize', { authorize: undefined }, 'authorize is required'],
    ['authorize', { authorize: 'conn_1' }, 'authorize must be a function'],
    ['connectionId', { connectionId: CONNECTION_ID }, 'connectionId is replaced by authorize'],
    ['upstream', { upstream: 'api-next.ofauth.com' }, 'upstream must be an absolute http(s) URL'],
    ['upstream', { upstream: 'ftp://x.test' }, 'upstream must be an absolute http(s) URL'],
    ['upstream', { upstream: 'http://x.test/?a=1' }, 'without query or fragment'],
    ['upstream', { upstream: 'http://a.test', baseUrl: 'http://b.test' }, 'not both'],
    ['baseUrl', { baseUrl: 7 }, 'baseUrl must be an absolute http(s) URL'],
    ['basePath', { basePath: 'api' }, 'basePath must be a path starting with "/"'],
    ['basePath', { basePath: '/api?x' }, 'basePath must be a path starting with "/"'],
    ['forwardHeaders', { forwardHeaders: 'prefer' }, 'must be an array of header names'],
    ['forwardHeaders', { forwardHeaders: ['Authorization', 'cookie'] }, 'authorization, cookie'],
    ['forwardHeaders', { forwardHeaders: ['connection'] }, 'may not pass connection'],
    ['timeoutMs', { timeoutMs: 0 }, 'timeoutMs must be a positive integer'],
    ['timeoutMs', { timeoutMs: 1.5 }, 'timeoutMs must be a positive integer'],
    ['fetch', { fetch: 'fetch' }, 'no fetch'],
    ['operations', { operations: [] }, 'operations must be a non-empty operations table'],
  ])('refuses a bad %s: %j', (option, extra, message) => {
    const run = () => resolveOptions({ ...valid, ...extra } as unknown as ProxyOptions);

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as ProxyConfigError).option).toBe(option);
      expect((error as Error).message).not.toContain(API_KEY);
      expect((error as Error).message).not.toContain(CONNECTION_ID);
    }
  });

  it('refuses a missing options object', () => {
    expect(() => resolveOptions(undefined as unknown as ProxyOptions)).toThrow(
      'pass an options object with apiKey and authorize',
    );
  });
});

describe('unknown options', () => {
  // A misspelt option silently ignored leaves the proxy on a default its author meant to change.
  it.each([
    ['basepath', 'basePath'],
    ['forwardHeader', 'forwardHeaders'],
    ['timeout', undefined],
    ['connectionID', undefined],
    ['apikey', 'apiKey'],
  ])('refuses %s at start-up, by name, listing the known ones', (name, closest) => {
    const run = () => resolveOptions({ ...valid, [name]: 'x' } as unknown as ProxyOptions);

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow(`createProxyHandler: unknown option ${name}`);
    expect(run).toThrow(/known: apiKey, authorize, upstream, baseUrl, basePath, /);
    if (closest) expect(run).toThrow(`did you mean ${closest}?`);
    try {
      run();
    } catch (error) {
      expect((error as ProxyConfigError).option).toBe(name);
    }
  });

  it('names every unknown option at once', () => {
    expect(() =>
      resolveOptions({ ...valid, timeout: 1, retries: 2 } as unknown as ProxyOptions),
    ).toThrow('unknown options timeout, retries');
  });
});

describe('rateLimit', () => {
  it.each([
    [true, { capacity: 90, refillPerMinute: 60, maxConnections: 10_000 }],
    [{ capacity: 30 }, { capacity: 30, refillPerMinute: 60, maxConnections: 10_000 }],
    [
      { capacity: 5, refillPerMinute: 0.5, maxConnections: 10 },
      { capacity: 5, refillPerMinute: 0.5, maxConnections: 10 },
    ],
  ] as const)('reads %j, the vendor numbers where left out', (rateLimit, expected) => {
    expect(resolveOptions({ ...valid, rateLimit }).rateLimit).toEqual(expected);
  });

  it('is off when left out or false', () => {
    expect(resolveOptions(valid).rateLimit).toBeUndefined();
    expect(resolveOptions({ ...valid, rateLimit: false }).rateLimit).toBeUndefined();
  });

  it.each([
    ['yes', 'rateLimit must be true, false or { capacity?, refillPerMinute?, maxConnections? }'],
    [90, 'rateLimit must be true, false or { capacity?, refillPerMinute?, maxConnections? }'],
    [null, 'rateLimit must be true, false or { capacity?, refillPerMinute?, maxConnections? }'],
    [{ capacity: 0 }, 'rateLimit.capacity must be an integer >= 1, got 0'],
    [{ capacity: 1.5 }, 'rateLimit.capacity must be an integer >= 1, got 1.5'],
    [{ refillPerMinute: 0 }, 'rateLimit.refillPerMinute must be a number > 0, got 0'],
    [{ refillPerMinute: '60' }, 'rateLimit.refillPerMinute must be a number > 0, got "60"'],
    [{ refillPerMinute: Number.POSITIVE_INFINITY }, 'rateLimit.refillPerMinute must be a number'],
    [{ maxConnections: -1 }, 'rateLimit.maxConnections must be an integer >= 1, got -1'],
    [{ burst: 90 }, 'rateLimit.burst must be left out: it is no option (known: capacity, '],
  ])('refuses %j by name', (rateLimit, message) => {
    const run = () => resolveOptions({ ...valid, rateLimit } as unknown as ProxyOptions);

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow(`createProxyHandler: ${message}`);
    try {
      run();
    } catch (error) {
      expect((error as ProxyConfigError).option).toBe('rateLimit');
    }
  });
});
