import { mkdtemp, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchBundle } from '../../src/cli/watch.js';

let folder: string;
let file: string;
let stop = () => {};

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ofauth-mock-watch-'));
  file = join(folder, 'openapi.json');
  await writeFile(file, '{}');
});
afterEach(async () => {
  stop();
  await rm(folder, { recursive: true, force: true });
});

describe('watchBundle', () => {
  it('calls back when the bundle is rewritten', async () => {
    let changes = 0;
    stop = watchBundle(file, () => changes++);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    await expect.poll(() => changes, { timeout: 5_000 }).toBe(1);
  });

  it('waits while the bundle is missing and calls back when it is back', async () => {
    let changes = 0;
    stop = watchBundle(file, () => changes++);
    await unlink(file);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(changes).toBe(0);
    await writeFile(file, '{"rebuilt":true}');
    await expect.poll(() => changes, { timeout: 5_000 }).toBe(1);
  });
});
