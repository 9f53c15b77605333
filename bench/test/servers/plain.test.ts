import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataset } from '@ofauth-mass-messages/mocks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PlainServer, startPlainServer } from '../../src/servers/plain.js';

let dir: string;
const started: PlainServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-plain-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
});

async function start(config: Parameters<typeof startPlainServer>[0]): Promise<PlainServer> {
  const server = await startPlainServer(config);
  started.push(server);
  return server;
}

describe('startPlainServer', () => {
  it('listens on 127.0.0.1 and answers every GET with the file’s bytes', async () => {
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, '{"list":[],"hasMore":false}');
    const server = await start({ bodyFile });
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    for (const path of ['/v2/access/mass-messages?limit=10', '/anything']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.text()).toBe('{"list":[],"hasMore":false}');
    }
  });

  it('pages the mocks’ dataset, honestly', async () => {
    const config = { seed: 3, massMessages: 20, purchased: 25 };
    const dataset = createDataset(config);
    const server = await start({ dataset: config });
    const last = await fetch(
      `${server.url}/v2/access/analytics/mass-messages/purchased?limit=10&offset=20`,
    );
    expect(await last.json()).toEqual({ items: dataset.purchased.slice(20, 30), hasMore: false });
    const first = await fetch(`${server.url}/v2/access/mass-messages?limit=2&type=sent`);
    expect(await first.json()).toEqual({
      list: dataset.massMessages.sent.slice(0, 2),
      hasMore: true,
    });
  });

  it('answers 404 off the two routes in dataset mode', async () => {
    const server = await start({ dataset: { seed: 1, massMessages: 1, purchased: 1 } });
    expect((await fetch(`${server.url}/v2/elsewhere`)).status).toBe(404);
  });

  it('waits the latency before answering', async () => {
    const bodyFile = join(dir, 'slow.json');
    writeFileSync(bodyFile, '{}');
    const server = await start({ bodyFile, latencyMs: 60 });
    const startedAt = performance.now();
    await (await fetch(server.url)).text();
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(55);
  });

  it('stops its child: the port refuses connections afterwards', async () => {
    const server = await startPlainServer({ dataset: { seed: 1, massMessages: 1, purchased: 1 } });
    await server.stop();
    await server.stop();
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('rejects when the child cannot start, instead of waiting forever', async () => {
    await expect(startPlainServer({ bodyFile: join(dir, 'missing.json') })).rejects.toThrow(
      /exited .* before listening/,
    );
  });
});
