import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTest } from '../src/mock-load.mjs';
import { startPlainServer } from '../src/servers/plain.js';

describe('loadTest', () => {
  it.each([
    ['http://localhost:4010', /127\.0\.0\.1 only, not localhost/],
    ['http://192.0.2.1:4010', /127\.0\.0\.1 only/],
  ])('refuses %s: loopback only', async (url, message) => {
    await expect(loadTest(url)).rejects.toThrow(message);
  });

  it.each([0, -1, 11])('refuses a run of %s seconds: bounded', async (seconds) => {
    await expect(loadTest('http://127.0.0.1:4010', { seconds })).rejects.toThrow(/seconds must be/);
  });

  it('counts answers and failures of a short run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-load-test-'));
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, '{"ok":true}');
    const server = await startPlainServer({ bodyFile });
    try {
      const result = await loadTest(server.url, { connections: 2, seconds: 1 });
      expect(result.requests).toBeGreaterThan(0);
      expect(result.failures).toBe(0);
      expect(result.rps).toBeGreaterThan(0);
      expect(result.p99).toBeGreaterThanOrEqual(result.p50);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts non-2xx answers as failures', async () => {
    // The dataset server answers 404 off its two routes: under a prefix, every request fails.
    const server = await startPlainServer({ dataset: { seed: 1, massMessages: 1, purchased: 1 } });
    try {
      const result = await loadTest(`${server.url}/elsewhere`, { connections: 1, seconds: 1 });
      expect(result.requests).toBeGreaterThan(0);
      expect(result.failures).toBe(result.requests);
    } finally {
      await server.stop();
    }
  });
});
