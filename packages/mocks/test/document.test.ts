import { readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '@ofauth-mass-messages/spec';
import { describe, expect, it } from 'vitest';
import { specBundlePath, toMockDocument, writeMockDocument } from '../src/document.js';

/** The part of the document these tests read. */
interface Json {
  paths: Record<string, { get: { responses: Record<string, unknown> } }>;
}

/** The responses of GET `path`; throws if the document has no such path. */
function responsesOf(document: Json, path: string): Record<string, unknown> {
  const item = document.paths[path];
  if (!item) throw new Error(`no path ${path}`);
  return item.get.responses;
}

describe('specBundlePath', () => {
  it("resolves the spec package's openapi.json export", async () => {
    const path = specBundlePath();
    expect(path).toMatch(/openapi\.json$/);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(loadSpec());
  });
});

describe('toMockDocument', () => {
  const bundle = loadSpec() as unknown as Json;
  const mock = toMockDocument(loadSpec()) as unknown as Json;

  it.each(Object.keys(bundle.paths))(
    'leaves out the 400 response of GET %s and keeps the others',
    (path) => {
      const before = Object.keys(responsesOf(bundle, path));
      const after = Object.keys(responsesOf(mock, path));
      expect(before).toContain('400');
      expect(after).toEqual(before.filter((status) => status !== '400'));
    },
  );

  it('changes nothing else: schemas, examples, security, parameters', () => {
    const restored = structuredClone(mock);
    for (const path of Object.keys(bundle.paths)) {
      responsesOf(restored, path)['400'] = responsesOf(bundle, path)['400'];
    }
    expect(JSON.stringify(sortKeys(restored))).toBe(JSON.stringify(sortKeys(bundle)));
  });

  it('does not modify the document it is given', () => {
    const firstPath = Object.keys(bundle.paths)[0] as string;
    expect(responsesOf(bundle, firstPath)['400']).toBeDefined();
  });
});

describe('writeMockDocument', () => {
  it('writes the mock view to a temporary file that dispose() removes', async () => {
    const file = await writeMockDocument(specBundlePath());
    const written = JSON.parse(await readFile(file.path, 'utf8'));
    expect(written).toEqual(toMockDocument(loadSpec()));
    await file.dispose();
    await expect(stat(file.path)).rejects.toThrow(/ENOENT/);
  });

  it.each([
    ['YAML', 'openapi: 3.1.0\n'],
    ['broken JSON', '{"openapi": '],
    ['a JSON array', '[]'],
  ])('hands %s to Prism unchanged, for Prism to judge', async (_case, content) => {
    const source = join(tmpdir(), `ofauth-mock-test-${process.pid}-${Math.random()}.txt`);
    await writeFile(source, content);
    const file = await writeMockDocument(source);
    expect(file.path).toBe(source);
    await file.dispose();
    expect(await readFile(source, 'utf8')).toBe(content);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
