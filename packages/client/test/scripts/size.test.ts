// The size budget of the browser bundle, and that the runtime is browser-safe.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET, measure, OWN_BUDGET } from '../../scripts/size.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('the one-call browser bundle', async () => {
  const { bundle, own } = await measure();

  it(`keeps the client's own runtime under ${OWN_BUDGET} B min+gzip`, () => {
    expect(own.gzip).toBeLessThan(OWN_BUDGET);
  });

  it(`keeps the whole bundle, openapi-fetch included, under ${BUNDLE_BUDGET} B min+gzip`, () => {
    expect(bundle.gzip).toBeLessThan(BUNDLE_BUDGET);
    expect(bundle.gzip).toBeGreaterThan(own.gzip);
  });

  it('holds the client, not just an empty shell', () => {
    expect(bundle.text).toContain('/v2/access/mass-messages');
    expect(bundle.text).toContain('RateLimitError');
  });
});

describe('browser safety', () => {
  it('imports nothing from Node in dist/', async () => {
    const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = await readFile(join(dist, file), 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|process\.|Buffer\b/);
    }
  });
});
