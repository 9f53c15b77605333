// The negative checks must fail when a target answers otherwise than the spec documents: a 422
// (what the mock answered before), a 400 whose message does not say what the parameter allows, a
// 200 to a request without credentials. Each fake answers on a function, no server.
import { createClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../src/checks.js';
import { errorChecks, type TamperedContext } from '../src/error-checks.js';
import { createRecordingFetch } from '../src/recording-fetch.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Contexts whose client talks to `api`, each request tampered with as the check asks. */
function over(api: (request: Request) => Response): TamperedContext {
  return (tamper): CheckContext => {
    const recorder = createRecordingFetch({
      maxRequests: 3,
      fetch: async (input) => api(input as Request),
    });
    const client = createClient({
      apiKey: 'k',
      connectionId: 'c',
      baseUrl: 'http://127.0.0.1:1',
      fetch: (url: string, init: RequestInit) => recorder.fetch(tamper(new Request(url, init))),
      maxRetries: 0,
    });
    return { client, recorder, paging: { pageSize: 2, maxItems: 8, reachesEnd: true } };
  };
}

const find = (name: string) => {
  const found = errorChecks().find((c) => c.name === name);
  if (!found) throw new Error(`no check "${name}"`);
  return found;
};
const limitZero = find('listMassMessages: limit=0 is refused (client before sending; target 400)');
const noKey = find('listMassMessages: without the apiKey header, 401');

describe('errorChecks', () => {
  it('pass on the spec’s 400 naming the parameter and what it allows', async () => {
    const context = over(() =>
      json(400, {
        message: 'limit must be an integer from 1 to 20, got "0"',
        code: 'VALIDATION_ERROR',
      }),
    );
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
    const context = over(() => json(400, { message: 'limit is wrong' }));
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
      return json(401, { message: 'Invalid API key', code: 'UNAUTHORIZED' });
    });
    await expect(noKey.run(context)).resolves.toMatchObject({ statuses: [401] });
    expect(seen).toEqual([null]);
  });
});
