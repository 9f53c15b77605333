// The recording fetch is how checks see the wire: it must keep every body as sent, hand the
// client an unread response, keep no headers, and stop a check that sends too many requests.
import { describe, expect, it } from 'vitest';
import { createRecordingFetch, RequestBudgetExceeded } from '../src/recording-fetch.js';

const answering =
  (status: number, text: string): typeof fetch =>
  async () =>
    new Response(text, { status, headers: { 'content-type': 'application/json' } });

describe('createRecordingFetch', () => {
  it('records the operation, request, status and parsed body, and passes the response on', async () => {
    const recorder = createRecordingFetch({
      maxRequests: 5,
      fetch: answering(200, '{"list":[],"hasMore":false}'),
    });
    const response = await recorder.fetch('http://127.0.0.1:1/v2/access/mass-messages?limit=1', {
      headers: { apiKey: 'secret-key' },
    });
    expect(await response.json()).toEqual({ list: [], hasMore: false });
    expect(recorder.responses).toEqual([
      {
        path: '/v2/access/mass-messages',
        request: 'GET /v2/access/mass-messages?limit=1',
        status: 200,
        body: { list: [], hasMore: false },
      },
    ]);
    expect(JSON.stringify(recorder.responses)).not.toContain('secret-key');
  });

  it('keeps a body that is not JSON as text, and any path', async () => {
    const recorder = createRecordingFetch({
      maxRequests: 5,
      fetch: answering(502, '<html>bad gateway</html>'),
    });
    await recorder.fetch(new Request('http://127.0.0.1:1/elsewhere'));
    expect(recorder.responses[0]).toMatchObject({
      path: '/elsewhere',
      status: 502,
      body: '<html>bad gateway</html>',
    });
  });

  it('refuses the request past its budget until cleared', async () => {
    const recorder = createRecordingFetch({ maxRequests: 2, fetch: answering(200, '{}') });
    await recorder.fetch('http://127.0.0.1:1/v2/access/mass-messages');
    await recorder.fetch('http://127.0.0.1:1/v2/access/mass-messages');
    await expect(
      recorder.fetch('http://127.0.0.1:1/v2/access/mass-messages?offset=2'),
    ).rejects.toThrow(
      new RequestBudgetExceeded(
        'the check tried to send more than 2 requests (next: GET /v2/access/mass-messages)',
      ),
    );
    expect(recorder.sent).toBe(2);
    recorder.clear();
    expect(recorder.responses).toEqual([]);
    await recorder.fetch('http://127.0.0.1:1/v2/access/mass-messages');
    expect(recorder.sent).toBe(1);
  });
});
