// startMockServer's life cycle: a free port, readiness, stop by handle, and failures that reject
// with Prism's own words instead of hanging.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, MockStartError, startMockServer } from '../src/server.js';
import { AUTH, LIST, pathOf } from './helpers/http.js';
import { isAlive } from './helpers/process.js';

/** Documents Prism must refuse, written for the test (a broken file has no place in the repo). */
const BAD_DOCUMENTS: Record<string, string> = {
  'no-operations.json': JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'none', version: '1' },
    paths: {},
  }),
  'unparseable.yaml': 'openapi: 3.1.0\npaths: [\n',
};

describe('startMockServer', () => {
  let mock: MockServer;
  const lines: string[] = [];

  beforeAll(async () => {
    mock = await startMockServer({ port: 0, onLog: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('listens on 127.0.0.1 on a free port, in examples mode by default', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(mock.url).port).not.toBe('0');
    expect(mock.mode).toBe('examples');
    expect(isAlive(mock.pid)).toBe(true);
  });

  it('answers 200 as soon as it resolves', async () => {
    const response = await fetch(`${mock.url}${pathOf(LIST)}`, { headers: AUTH });
    expect(response.status).toBe(200);
  });

  it("hands Prism's lines to onLog, never with the API key", async () => {
    await fetch(`${mock.url}${pathOf(LIST)}?limit=3`, {
      headers: { ...AUTH, apiKey: 'sk_live_secret' },
    });
    await expect
      .poll(() => lines.filter((line) => line.includes('Request received')).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(1);
    expect(lines.join('\n')).toContain('Prism is listening on');
    expect(lines.join('\n')).not.toContain('sk_live_secret');
  });

  it('stop() ends its Prism child and frees the port, and may be called twice', async () => {
    const other = await startMockServer({ port: 0 });
    expect(isAlive(other.pid)).toBe(true);
    await other.stop();
    expect(isAlive(other.pid)).toBe(false);
    await expect(fetch(`${other.url}${pathOf(LIST)}`, { headers: AUTH })).rejects.toThrow();
    await expect(other.stop()).resolves.toBeUndefined();
    // The first server is untouched.
    expect(isAlive(mock.pid)).toBe(true);
  });
});

describe.concurrent('startMockServer failures', () => {
  let blocker: Server;
  let takenPort: number;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ofauth-mock-test-'));
    for (const [name, content] of Object.entries(BAD_DOCUMENTS)) {
      await writeFile(join(folder, name), content);
    }
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    takenPort = (blocker.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  it("rejects with Prism's EADDRINUSE when the port is taken", async () => {
    await expect(startMockServer({ port: takenPort })).rejects.toThrow(
      new RegExp(
        `Prism failed to start: listen EADDRINUSE: address already in use 127\\.0\\.0\\.1:${takenPort}`,
      ),
    );
  });

  it.each([
    [
      'a document without operations',
      'no-operations.json',
      /Prism failed to start: No operations found/,
    ],
    [
      'an unparseable document',
      'unparseable.yaml',
      /Prism failed to start: Error parsing .*unparseable\.yaml/,
    ],
    [
      'a missing document',
      'missing.json',
      /Prism failed to start: Error opening file .*missing\.json/,
    ],
  ])('rejects %s with the reason Prism gives', async (_case, name, message) => {
    await expect(startMockServer({ port: 0, document: join(folder, name) })).rejects.toThrow(
      message,
    );
  });

  it('gives up at the start timeout, kills its child, and says so', async () => {
    const error = await startMockServer({ port: 0, startTimeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).message).toMatch(/did not start listening within 50 ms/);
    const { pid } = error as MockStartError;
    expect(pid).toBeGreaterThan(0);
    expect(isAlive(pid as number)).toBe(false);
  });

  it.each([
    [{ port: -1 }, /Invalid port: -1/],
    [{ mode: 'bogus' as never }, /Invalid mode: "bogus"/],
  ])('rejects bad options %j before starting anything', async (options, message) => {
    await expect(startMockServer(options)).rejects.toThrow(message);
  });
});
