// Every error the mock makes itself, in the vendor's shape (`{ error, type, requestId }`, the
// earlier revision's `details` and `code` beside them where the mock has more to say), with the
// vendor's documented types; and the headers every answer carries: `x-request-id` (the body's
// `requestId` when it has one) and the three `X-RateLimit-*`.
import { operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import type { MockRequest } from '../../src/core/response.js';
import { call, core, spec } from '../helpers/core.js';
import { AUTH } from '../helpers/http.js';
import { expectValid } from '../helpers/spec.js';

const [operation] = operations;
const [keyHeader = '', connectionHeader = ''] = spec.authHeaders;
const only = (...names: string[]) =>
  Object.fromEntries(
    Object.entries(AUTH).filter(([name]) =>
      names.some((n) => n.toLowerCase() === name.toLowerCase()),
    ),
  );
const REQUEST_ID = /^req_[0-9a-f]{16}$/;

interface Case {
  request: string;
  target: string;
  headers: Record<string, string>;
  method?: string;
  status: number;
  /** The vendor's type; undefined where the vendor documents none (500). */
  type: string | undefined;
  /** What `error` must say. */
  says: RegExp;
  /** The rest of the body (details, code, actionRequired), exactly. */
  extra: Record<string, unknown>;
  /** Whether the operation documents this status (then the body must validate). */
  documented: boolean;
}

const cases: Case[] = [
  {
    request: 'without the API key',
    target: operation.path,
    headers: only(connectionHeader),
    status: 401,
    type: 'UNAUTHORIZED',
    says: new RegExp(`Missing header ${keyHeader}\\b`),
    extra: { details: { missing: [keyHeader] } },
    documented: true,
  },
  {
    request: 'without either header',
    target: operation.path,
    headers: {},
    status: 401,
    type: 'UNAUTHORIZED',
    says: new RegExp(`Missing headers ${keyHeader} and ${connectionHeader}`),
    extra: { details: { missing: [keyHeader, connectionHeader] } },
    documented: true,
  },
  {
    request: 'with an empty API key',
    target: operation.path,
    headers: { ...only(connectionHeader), [keyHeader]: '' },
    status: 401,
    type: 'UNAUTHORIZED',
    says: new RegExp(keyHeader),
    extra: { details: { missing: [keyHeader] } },
    documented: true,
  },
  {
    request: 'with the key but no connection',
    target: operation.path,
    headers: only(keyHeader),
    status: 401,
    type: 'SESSION_NOT_PROVIDED',
    says: new RegExp(`Missing header ${connectionHeader}`),
    extra: { details: { missing: [connectionHeader] } },
    documented: true,
  },
  {
    request: 'with a limit out of range',
    target: `${operation.path}?limit=0`,
    headers: AUTH,
    status: 400,
    type: 'BAD_REQUEST',
    says: /^limit must be an integer from 1 to \d+, got "0"$/,
    extra: { details: { parameter: 'limit', allowed: expect.stringMatching(/^an integer/) } },
    documented: true,
  },
  {
    request: 'to a path no operation has',
    target: '/v2/access/nothing',
    headers: AUTH,
    status: 404,
    type: 'ROUTE_NOT_FOUND',
    says: /No operation at \/v2\/access\/nothing/,
    extra: {},
    documented: true,
  },
  {
    request: 'with another method',
    target: operation.path,
    headers: AUTH,
    method: 'POST',
    status: 405,
    type: 'ROUTE_NOT_FOUND',
    says: /is a GET/,
    extra: { code: 'METHOD_NOT_ALLOWED' },
    documented: false,
  },
  {
    request: 'for a scenario that does not exist',
    target: operation.path,
    headers: { ...AUTH, prefer: 'example=nothing' },
    status: 400,
    type: 'BAD_REQUEST',
    says: /has no example named "nothing"/,
    extra: { code: 'UNKNOWN_SCENARIO' },
    documented: true,
  },
];

describe("the mock's own errors, in the vendor's shape", () => {
  it.each(cases)('$request: $status $type', async (c) => {
    const answer = await call(core(), c.target, c.headers, c.method);
    expect(answer.status).toBe(c.status);
    const { error, type, requestId, ...extra } = answer.json;
    expect(error).toMatch(c.says);
    expect(type).toBe(c.type);
    expect(requestId).toMatch(REQUEST_ID);
    expect(extra).toEqual(c.extra);
    expect(answer.headers['x-request-id']).toBe(requestId);
    if (c.documented) expectValid(operation.operationId, c.status, answer.json);
  });

  it('gives each error its own request id', async () => {
    const mock = core();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await call(mock, operation.path, {})).json.requestId);
    expect(ids.size).toBe(20);
  });

  it('answers what fails inside with a 500 without a type (the vendor documents none)', async () => {
    const broken: MockRequest = {
      method: 'GET',
      url: new URL(operation.path, 'http://mock.test'),
      header: () => {
        throw new Error('no headers today');
      },
    };
    const answer = await core().respond(broken);
    const body = JSON.parse(answer.body ?? 'null');
    expect(answer.status).toBe(500);
    expect(body).toEqual({
      error: expect.stringContaining('no headers today'),
      requestId: expect.stringMatching(REQUEST_ID),
      code: 'MOCK_INTERNAL_ERROR',
    });
    expect(answer.headers['x-request-id']).toBe(body.requestId);
    expectValid(operation.operationId, 500, body);
  });
});

describe('the headers of every answer', () => {
  const answers: [string, string, Record<string, string>, string?][] = [
    ['a page', operation.path, AUTH],
    ['a HEAD', operation.path, AUTH, 'HEAD'],
    ['a preflight', operation.path, { origin: 'http://localhost:5173' }, 'OPTIONS'],
    ['a 401', operation.path, {}],
    ['a 400', `${operation.path}?limit=0`, AUTH],
    ['a 404', '/v2/nothing', AUTH],
    ['a scenario', operation.path, { ...AUTH, prefer: 'code=500' }],
  ];

  it.each(answers)(
    '%s carries x-request-id and X-RateLimit-*',
    async (_case, target, headers, method) => {
      const answer = await call(core(), target, headers, method);
      expect(answer.headers['x-request-id']).toMatch(/^req_\w+$/);
      expect(answer.headers['x-ratelimit-limit']).toMatch(/^\d+$/);
      expect(answer.headers['x-ratelimit-remaining']).toMatch(/^\d+$/);
      expect(answer.headers['x-ratelimit-reset']).toMatch(/^\d+$/);
      // A page on another origin may read them.
      const exposed = answer.headers['access-control-expose-headers']?.split(/,\s*/) ?? [];
      for (const name of [
        'x-request-id',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
      ]) {
        expect(exposed).toContain(name);
      }
    },
  );

  it("uses an example's requestId as the header, so body and header agree", async () => {
    const answer = await call(core(), operation.path, { ...AUTH, prefer: 'code=401' });
    expect(answer.json.requestId).toMatch(/^req_/);
    expect(answer.headers['x-request-id']).toBe(answer.json.requestId);
  });

  it('reports a full bucket of the vendor size while the limit is not emulated', async () => {
    const answer = await call(core(), operation.path);
    expect(answer.headers).toMatchObject({
      'x-ratelimit-limit': '90',
      'x-ratelimit-remaining': '90',
      'x-ratelimit-reset': '0',
    });
  });

  it('a 429 scenario says the bucket is empty until its Retry-After', async () => {
    const answer = await call(core(), operation.path, {
      ...AUTH,
      prefer: 'code=429, retry-after=3',
    });
    expect(answer.status).toBe(429);
    expect(answer.headers).toMatchObject({
      'retry-after': '3',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '3',
    });
  });
});
