// The recorded upstream stands in for the API in the drift proof, so it must page its recorded
// items like the API, demand the credentials headers, refuse bad parameters, and drift on demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConforms } from '../src/expect-conforms.js';
import { type RecordedUpstream, startRecordedUpstream } from '../src/recorded-upstream.js';
import { recordedItems } from '../src/recordings.js';
import { operationOf, recordingOf, recordings } from './fixtures/recordings.js';
import { THIRD, thirdOperationSpec } from './fixtures/third-operation.js';

const massMessages = operationOf('listMassMessages');

const credentials = { apiKey: 'test-key', 'x-connection-id': 'conn_test' };

describe('recorded upstream', () => {
  let upstream: RecordedUpstream;
  const get = async (path: string, headers: Record<string, string> = credentials) => {
    const response = await fetch(`${upstream.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    upstream = await startRecordedUpstream({ recordings });
  });
  afterAll(async () => {
    await upstream.stop();
  });

  it('listens on 127.0.0.1 on a free port', () => {
    expect(upstream.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(upstream.url).not.toMatch(/:0$/);
  });

  it('pages the recorded items by limit and offset, with the spec defaults', async () => {
    const sent = recordedItems(recordingOf('listMassMessages'), massMessages, { type: 'sent' });
    expect(await get('/v2/access/mass-messages?limit=2&offset=1')).toEqual({
      status: 200,
      body: { list: sent.slice(1, 3), hasMore: true },
    });
    expect(await get('/v2/access/mass-messages?limit=2&offset=3')).toEqual({
      status: 200,
      body: { list: sent.slice(3, 5), hasMore: false },
    });
    // Defaults: limit 10, offset 0, type sent.
    expect((await get('/v2/access/mass-messages')).body).toEqual({ list: sent, hasMore: false });
    const unsent = recordedItems(recordingOf('listMassMessages'), massMessages, {
      type: 'unsent',
    });
    expect((await get('/v2/access/mass-messages?type=unsent')).body.list).toEqual(unsent);
  });

  it('answers an empty page past the end', async () => {
    expect((await get('/v2/access/analytics/mass-messages/purchased?offset=500')).body).toEqual({
      items: [],
      hasMore: false,
    });
  });

  it.each([
    ['apiKey', { 'x-connection-id': 'conn_test' }],
    ['x-connection-id', { apiKey: 'test-key' }],
  ])('answers the recorded 401 without %s', async (_missing, headers) => {
    expect(await get('/v2/access/mass-messages', headers)).toEqual(
      recordingOf('listMassMessages').unauthorized,
    );
  });

  // Core's parseQuery decides, in its wording; the body is the vendor's error body.
  it.each([
    ['/v2/access/mass-messages?limit=21', 'limit must be an integer from 1 to 20, got "21"'],
    ['/v2/access/mass-messages?limit=0', 'limit must be an integer from 1 to 20, got "0"'],
    ['/v2/access/mass-messages?limit=ten', 'limit must be an integer from 1 to 20, got "ten"'],
    ['/v2/access/mass-messages?offset=-1', 'offset must be an integer >= 0 (or null), got "-1"'],
    [
      '/v2/access/mass-messages?type=deleted',
      'type must be one of "sent", "unsent", "scheduled", got "deleted"',
    ],
    [
      '/v2/access/analytics/mass-messages/purchased?limit=101',
      'limit must be an integer from 1 to 100, got "101"',
    ],
  ])('refuses %s with 400: %s', async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: message,
      type: 'BAD_REQUEST',
      requestId: expect.stringMatching(/^req_\w+$/),
      details: { parameter: message.split(' ')[0] },
    });
    expectConforms('listMassMessages', 400, body);
  });

  it('answers 404 for a path it has no recording of, and logs what it served', async () => {
    expect((await get('/v2/access/mass-messages/1')).status).toBe(404);
    const last = upstream.served.at(-1);
    expect(last).toEqual({ operationId: undefined, query: '', status: 404 });
  });
});

describe('recorded upstream over a spec with a third operation', () => {
  it('answers 404 naming the operation it has no recording of', async () => {
    const upstream = await startRecordedUpstream({ recordings, spec: thirdOperationSpec() });
    try {
      const response = await fetch(`${upstream.url}${THIRD.path}`, { headers: credentials });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: `No recording of ${THIRD.operationId} (${THIRD.path})`,
        type: 'ROUTE_NOT_FOUND',
        requestId: expect.stringMatching(/^req_\w+$/),
      });
    } finally {
      await upstream.stop();
    }
  });
});

describe('drifted recorded upstream', () => {
  it('drifts every page it serves', async () => {
    const upstream = await startRecordedUpstream({ recordings, drift: 'hasmore-string' });
    try {
      const response = await fetch(`${upstream.url}/v2/access/mass-messages?limit=1`, {
        headers: credentials,
      });
      const body = (await response.json()) as { hasMore: unknown };
      expect(body.hasMore).toBe('true');
    } finally {
      await upstream.stop();
    }
  });
});
