// The size budget of the browser bundle, that the main entry leaves openapi-fetch out, and that
// the runtime is browser-safe.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODE_BUDGET, measure, OWN_BUDGET } from '../../scripts/size.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
// A string only openapi-fetch's code holds (its query serializer's option name).
const OPENAPI_FETCH_MARK = 'allowReserved';

describe('the one-call browser bundle', async () => {
  const { bundle, code, own, table, raw, openapiFetch } = await measure();

  // The budgets hold the client's code: the spec's operations table grows with the spec (an
  // operation added to openapi.yaml needs no budget raised), and is measured beside it.
  it(`keeps the client’s code at most ${CODE_BUDGET} B min+gzip (the spec’s table left out)`, () => {
    expect(code.gzip).toBeLessThanOrEqual(CODE_BUDGET);
    expect(code.gzip).toBeLessThan(bundle.gzip);
  });

  it(`keeps the client’s own code at most ${OWN_BUDGET} B min+gzip`, () => {
    expect(own.gzip).toBeLessThanOrEqual(OWN_BUDGET);
    expect(own.gzip).toBeLessThan(code.gzip);
  });

  it('leaves out the table only: the table is the difference, and holds every operation', () => {
    expect(code.text).not.toContain('/v2/access/mass-messages');
    expect(table.text).toContain('/v2/access/mass-messages');
    expect(table.operations).toBeGreaterThan(0);
    expect(table.gzip).toBeGreaterThan(0);
  });

  it('holds the client, not just an empty shell', () => {
    expect(bundle.text).toContain('/v2/access/mass-messages');
    expect(bundle.text).toContain('RateLimitError');
  });

  it('leaves openapi-fetch out of the main entry; the raw subpath has it', () => {
    expect(openapiFetch.text).toContain(OPENAPI_FETCH_MARK);
    expect(raw.text).toContain(OPENAPI_FETCH_MARK);
    expect(bundle.text).not.toContain(OPENAPI_FETCH_MARK);
  });
});

describe('browser safety', () => {
  it('imports nothing from Node in dist/, and reads process only guarded', async () => {
    const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = await readFile(join(dist, file), 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|Buffer\b/);
      // The only mention of `process`: log.ts's guarded globalThis.process?.env read.
      expect(text.replaceAll('globalThis.process?.env', ''), file).not.toMatch(/\bprocess\b[.?]/);
    }
  });
});
