// startMockServer: a node:http server around the core, on a free port of 127.0.0.1, stopped by
// its own handle; failures reject with a reason instead of hanging.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { type AddressInfo, connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOCK_MODES } from '@ofauth-mass-messages/mocks';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockServer, MockStartError, startMockServer } from '../src/server.js';
import {
  AUTH,
  drawnRequest,
  expectInternalError,
  expectSoundAnswer,
  expectValid,
  FAILING_ANSWERS,
  failNextAnswer,
  getJson,
  INHERITED_NAMES,
  LIST,
  PURCHASED,
  send,
  walk,
} from './helpers.js';

describe('startMockServer', () => {
  let mock: MockServer;
  const lines: string[] = [];

  beforeAll(async () => {
    mock = await startMockServer({ port: 0, onLog: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('listens on 127.0.0.1 on a free port, in dataset mode with seed 1 by default', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(mock.url).port).not.toBe('0');
    expect([mock.mode, mock.seed]).toEqual(['dataset', 1]);
  });

  it('logs a line per request, never with the API key', async () => {
    await getJson(`${mock.url}${LIST.path}?limit=3`, { ...AUTH, apiKey: 'sk_live_secret' });
    expect(lines.at(-1)).toMatch(new RegExp(`^GET ${LIST.path}\\?limit=3 200 \\d+ ms$`));
    expect(lines.join('\n')).not.toContain('sk_live_secret');
  });

  it('answers a CORS preflight from another origin', async () => {
    const response = await fetch(`${mock.url}${LIST.path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'apikey',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('stop() closes the server and frees the port, and may be called twice', async () => {
    const other = await startMockServer({ port: 0 });
    await other.stop();
    await expect(fetch(`${other.url}${LIST.path}`, { headers: AUTH })).rejects.toThrow();
    await expect(other.stop()).resolves.toBeUndefined();
    expect((await getJson(`${mock.url}${LIST.path}`)).status).toBe(200);
  });

  it('reset() replays times= scenarios', async () => {
    const headers = { ...AUTH, 'x-connection-id': 'reset-test', prefer: 'code=500, times=1' };
    const statuses = [];
    for (const _ of [1, 2])
      statuses.push((await getJson(`${mock.url}${LIST.path}`, headers)).status);
    mock.reset();
    statuses.push((await getJson(`${mock.url}${LIST.path}`, headers)).status);
    expect(statuses).toEqual([500, 200, 500]);
  });
});

describe.each(MOCK_MODES)('a %s server', (mode) => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, mode, seed: 3 });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it.each([LIST, PURCHASED])('pages $operationId to the end over HTTP', async (operation) => {
    const { pages, items } = await walk(`${mock.url}${operation.path}`, operation.itemsField);
    expect(items.length).toBeGreaterThan(0);
    for (const page of pages) expectValid(operation.operationId, 200, page);
  });

  it('answers 400 naming the parameter and 401 without the headers', async () => {
    const bad = await getJson(`${mock.url}${LIST.path}?offset=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: 'BAD_REQUEST', details: { parameter: 'offset' } });
    expect((await getJson(`${mock.url}${LIST.path}`, {})).status).toBe(401);
  });
});

describe.each([true, false])(
  'a server (prism: %s) asked for a name every object inherits',
  (prism) => {
    let mock: MockServer;
    beforeAll(async () => {
      mock = await startMockServer({ port: 0, prism });
    });
    afterAll(async () => {
      await mock?.stop();
    });

    it.each(INHERITED_NAMES)(
      'answers Prefer: example=%s with a 400 and serves the next request',
      async (name) => {
        // A bound on the wait: a server that died never answers, and the test says so at once.
        const asked = await fetch(`${mock.url}${LIST.path}`, {
          headers: { ...AUTH, prefer: `example=${name}` },
          signal: AbortSignal.timeout(10_000),
        });
        expect(asked.status).toBe(400);
        expect(await asked.json()).toMatchObject({ code: 'UNKNOWN_SCENARIO' });
        const next = await fetch(`${mock.url}${LIST.path}`, {
          headers: AUTH,
          signal: AbortSignal.timeout(10_000),
        });
        expect(next.status).toBe(200);
      },
    );
  },
);

/** One request on a raw socket (a target fetch would not send as written): its status line. */
function rawRequest(url: string, target: string, headers: Record<string, string> = AUTH) {
  const { port } = new URL(url);
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: x\r\n${lines.join('')}Connection: close\r\n\r\n`,
      ),
    );
    let reply = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (chunk) => {
      reply += chunk;
    });
    socket.on('close', () => resolve(reply.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe.each([true, false])('a server (prism: %s) whose handler fails', (prism) => {
  let mock: MockServer;
  const lines: string[] = [];
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, prism, onLog: (line) => lines.push(line) });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await mock?.stop();
  });
  const get = (headers: Record<string, string> = AUTH) =>
    fetch(`${mock.url}${LIST.path}`, { headers, signal: AbortSignal.timeout(10_000) });

  it.each(FAILING_ANSWERS)(
    "%s: answers 500 with the spec's Error body and serves the next request",
    async (_case, respond) => {
      failNextAnswer(mock.core, respond);
      const failed = await get();
      expectInternalError(failed.status, await failed.json(), LIST.operationId);
      expect((await get()).status).toBe(200);
    },
  );

  it('ends the socket of a client that leaves during a delay, and serves the next', async () => {
    const before = lines.length;
    const leaving = new AbortController();
    const pending = fetch(`${mock.url}${LIST.path}`, {
      headers: { ...AUTH, prefer: 'delay=5000' },
      signal: leaving.signal,
    });
    setTimeout(() => leaving.abort(), 100);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect((await get()).status).toBe(200);
    expect(lines.slice(before).join('\n')).not.toMatch(/ 5\d\d /);
  });
});

describe.each([true, false])(
  'a server (prism: %s), sent a request target URL cannot parse',
  (prism) => {
    let mock: MockServer;
    beforeAll(async () => {
      mock = await startMockServer({ port: 0, prism });
    });
    afterAll(async () => {
      await mock?.stop();
    });

    it.each(['//[', 'http://['])(
      'answers GET %s with a 400 and serves the next',
      async (target) => {
        expect(await rawRequest(mock.url, target)).toMatch(/^HTTP\/1\.1 400 /);
        expect(await rawRequest(mock.url, LIST.path)).toMatch(/^HTTP\/1\.1 200 /);
      },
    );
  },
);

describe.concurrent('startMockServer failures', () => {
  let blocker: Server;
  let takenPort: number;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ofauth-mock-test-'));
    await writeFile(join(folder, 'not-json.json'), 'openapi: 3.1.0\n');
    await writeFile(
      join(folder, 'post.json'),
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'x', version: '1' },
        paths: { '/things': { post: { operationId: 'createThing', responses: {} } } },
        components: { schemas: {} },
      }),
    );
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    takenPort = (blocker.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    await expect(startMockServer({ port: takenPort })).rejects.toThrow(
      new RegExp(`EADDRINUSE: address already in use 127\\.0\\.0\\.1:${takenPort}`),
    );
  });

  it.each([
    [
      'a file that is not JSON',
      'not-json.json',
      /Cannot read the OpenAPI document .*not-json\.json/,
    ],
    ['a missing file', 'missing.json', /Cannot read the OpenAPI document .*missing\.json/],
    [
      'an operation the toolkit cannot serve',
      'post.json',
      /createThing \(POST \/things\): it is a POST/,
    ],
  ])('rejects %s with the reason', async (_case, name, message) => {
    const error = await startMockServer({ port: 0, document: join(folder, name) }).catch((e) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect(error.message).toMatch(message);
  });

  it.each([
    [{ port: -1 }, /port must be an integer from 0 to 65535, got -1/],
    [{ mode: 'bogus' as never }, /Invalid mode: "bogus"/],
    [{ latency: -1 }, /Invalid latency: -1/],
  ])('rejects bad options %j before starting anything', async (options, message) => {
    await expect(startMockServer(options)).rejects.toThrow(message);
  });
});

/** Runs against each started server; printed with the results so that a report can name them. */
const SERVER_RUNS = 200;

describe.each([true, false])('property: any request to a started server (prism: %s)', (prism) => {
  let mock: MockServer;
  const lines: string[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, prism, onLog: (line) => lines.push(line) });
  });
  afterAll(async () => {
    agent.destroy();
    await mock?.stop();
  });

  it(`answers without a crash, a 5xx it did not ask for, a body that is not JSON, or the key in a body or a log line (${SERVER_RUNS} runs)`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(drawnRequest({ maxLength: 4_000, wire: true }), async (drawn) => {
        const logged = lines.length;
        const answer = await send(mock.url, drawn, agent);
        expectSoundAnswer(drawn, answer, lines.slice(logged));
        runs++;
      }),
      { numRuns: SERVER_RUNS },
    );
    console.info(`property (server, prism: ${prism}): ${runs} runs passed`);
    expect(runs).toBe(SERVER_RUNS);
    // Still serving.
    expect((await getJson(`${mock.url}${LIST.path}`)).status).toBe(200);
  });
});
