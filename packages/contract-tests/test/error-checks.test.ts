// The negative checks must fail when a target answers otherwise than the spec documents: a 422
// (what the mock answered before), a 400 whose message does not say what the parameter allows, a
// 200 to a request without credentials, and an error body that is not the vendor's or loses its
// `error` or `type` on the way to the user. Each fake answers on a function, no server.
import { createClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../src/checks.js';
import { errorChecks, type TamperedContext } from '../src/error-checks.js';
import { createRecordingFetch } from '../src/recording-fetch.js';
import { contractSpec } from '../src/spec.js';
import type { ClientFactory } from '../src/target.js';
import { everyShapeClient, everyShapeSpec } from './fixtures/every-shape.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Contexts whose client talks to `api`, each request tampered with as the check asks; `between`
 * changes each response after it was recorded and before the client reads it (a layer on the
 * way to the user, such as a proxy).
 */
function over(
  api: (request: Request) => Response,
  between: (response: Response) => Promise<Response> | Response = (response) => response,
  makeClient: ClientFactory = createClient,
): TamperedContext {
  return (tamper): CheckContext => {
    const recorder = createRecordingFetch({
      maxRequests: 3,
      fetch: async (input) => api(input as Request),
    });
    const client = makeClient({
      // A key of a real key's length: the one redaction rule removes a one-letter key from every
      // word it stands in (`Invalid API key` would read `Invalid API [redacted]ey`).
      apiKey: 'sk_test_contract_checks',
      connectionId: 'c',
      baseUrl: 'http://127.0.0.1:1',
      fetch: async (url: string, init: RequestInit) =>
        between(await recorder.fetch(tamper(new Request(url, init)))),
      maxRetries: 0,
    });
    return { client, recorder, paging: { pageSize: 2, maxItems: 8, reachesEnd: true } };
  };
}

const find = (name: string, spec = contractSpec()) => {
  const found = errorChecks(spec).find((c) => c.name === name);
  if (!found) throw new Error(`no check "${name}"`);
  return found;
};
const limitZero = find('listMassMessages: limit=0 is refused (client before sending; target 400)');
const noKey = find('listMassMessages: without the apiKey header, 401');

const BAD_LIMIT = {
  error: 'limit must be an integer from 1 to 20, got "0"',
  type: 'BAD_REQUEST',
  requestId: 'req_8d0a61f3c2',
};
const NO_KEY = { error: 'Invalid API key', type: 'UNAUTHORIZED', requestId: 'req_1b7e40d9aa' };

/** A body without some of its fields. */
const without = (body: Record<string, unknown>, ...names: string[]) =>
  Object.fromEntries(Object.entries(body).filter(([name]) => !names.includes(name)));

describe('errorChecks', () => {
  it('pass on the vendor’s 400 naming the parameter and what it allows', async () => {
    const context = over(() => json(400, BAD_LIMIT));
    await expect(limitZero.run(context)).resolves.toEqual({
      operationId: 'listMassMessages',
      requests: ['GET /v2/access/mass-messages?limit=0'],
      statuses: [400],
    });
  });

  it('fail on a 422, an undocumented status, naming it', async () => {
    const context = over(() => json(422, { validation: [{ location: ['query', 'limit'] }] }));
    await expect(limitZero.run(context)).rejects.toThrow(
      /listMassMessages declares no JSON response for status 422/,
    );
  });

  it('fail on a 400 whose message does not say what is allowed', async () => {
    const context = over(() => json(400, { ...BAD_LIMIT, error: 'limit is wrong' }));
    await expect(limitZero.run(context)).rejects.toThrow(
      'the message says what limit allows (an integer from 1 to 20)',
    );
  });

  it('fail when a request without the key is answered 200', async () => {
    const context = over(() => json(200, { list: [], hasMore: false }));
    await expect(noKey.run(context)).rejects.toThrow('expected an error, the call succeeded');
  });

  it('pass on the 401 the spec documents, and send the request without the header', async () => {
    const seen: Array<string | null> = [];
    const context = over((request) => {
      seen.push(request.headers.get('apiKey'));
      return json(401, NO_KEY);
    });
    await expect(noKey.run(context)).resolves.toMatchObject({ statuses: [401] });
    expect(seen).toEqual([null]);
  });

  // The vendor's shape, held on every error: each body below breaks it one way, and the check
  // names what is missing. The first is what the mock answered before (the SDKs' revision).
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'drops "error" (message and code instead)',
      { message: BAD_LIMIT.error, code: 'VALIDATION_ERROR' },
      /has no "error" message/,
    ],
    ['drops "error"', without(BAD_LIMIT, 'error'), /has no "error" message/],
    ['drops "type"', without(BAD_LIMIT, 'type'), /has no "type"/],
    ['drops "requestId"', without(BAD_LIMIT, 'requestId'), /has no "requestId"/],
  ])('fail on a 400 whose body %s', async (_case, body, message) => {
    await expect(limitZero.run(over(() => json(400, body)))).rejects.toThrow(message);
  });

  it('fail on a 401 whose body drops "error"', async () => {
    await expect(noKey.run(over(() => json(401, without(NO_KEY, 'error'))))).rejects.toThrow(
      /has no "error" message/,
    );
  });

  // On the way to the user: the target answers the vendor's body, and a layer between it and the
  // client (here a stand-in for a proxy) rewrites it.
  const rewritten =
    (change: (body: Record<string, unknown>) => unknown) => async (response: Response) =>
      new Response(JSON.stringify(change(await response.json())), {
        status: response.status,
        headers: response.headers,
      });
  it.each<[string, (body: Record<string, unknown>) => unknown, RegExp]>([
    ['drops "error"', (body) => without(body, 'error'), /"error" message was lost on the way/],
    [
      'turns "error" into "message"',
      (body) => ({ ...without(body, 'error'), message: 'Bad request' }),
      /"error" message was lost on the way/,
    ],
    ['drops "type"', (body) => without(body, 'type'), /"type" was lost on the way/],
  ])('fail when a layer before the client %s', async (_case, change, message) => {
    const context = over(() => json(400, BAD_LIMIT), rewritten(change));
    await expect(limitZero.run(context)).rejects.toThrow(message);
  });

  it('pass when a layer before the client leaves the body whole', async () => {
    const context = over(
      () => json(400, BAD_LIMIT),
      rewritten((body) => body),
    );
    await expect(limitZero.run(context)).resolves.toMatchObject({ statuses: [400] });
  });

  // Dates and path parameters: refused by the client before sending; a date sent anyway is the
  // target's 400, a path segment that would name another path is the client's alone.
  const noDay = find(
    'listFixtureSent: startDate=2026-02-30T00:00:00Z is refused (client before sending; target 400)',
    everyShapeSpec,
  );
  const BAD_DATE = {
    error:
      'startDate must be a date-time such as "2026-02-01T00:00:00Z", got "2026-02-30T00:00:00Z"',
    type: 'BAD_REQUEST',
    requestId: 'req_8d0a61f3c2',
  };

  it('pass on a malformed date refused by the client, then by the target with a 400', async () => {
    const context = over(() => json(400, BAD_DATE), undefined, everyShapeClient);
    await expect(noDay.run(context)).resolves.toEqual({
      operationId: 'listFixtureSent',
      requests: ['GET /v2/fixtures/sent?startDate=2026-02-30T00%3A00%3A00Z'],
      statuses: [400],
    });
  });

  it('fail on a malformed date the target accepts', async () => {
    const context = over(
      () => json(200, { items: [], hasMore: false }),
      undefined,
      everyShapeClient,
    );
    await expect(noDay.run(context)).rejects.toThrow('expected an error, the call succeeded');
  });

  it.each(['""', '.', '..'])(
    'pass on a path value %s the client refuses before sending anything',
    async (shown) => {
      const check = find(
        `listFixtureBuyers: massMessageId=${shown} is refused by the client before sending (another path on the wire)`,
        everyShapeSpec,
      );
      expect(check.kind).toBe('client');
      const sent: string[] = [];
      const context = over(
        (request) => {
          sent.push(request.url);
          return json(200, { list: [], hasMore: false });
        },
        undefined,
        everyShapeClient,
      );
      await expect(check.run(context)).resolves.toEqual({
        operationId: 'listFixtureBuyers',
        requests: [],
        statuses: [],
      });
      expect(sent).toEqual([]);
    },
  );
});
