// The main entry runs in Workers and Deno: nothing it loads may import Node built-ins or the
// spec's Node index (which reads files); the table comes from the browser-safe subpath.
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.js';

const src = new URL('../src/', import.meta.url);

/** Every module specifier a source file imports or re-exports. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1] as string);
}

describe('the main entry', () => {
  it('exports the handler, its config error and the header lists', () => {
    expect(Object.keys(entry).sort()).toEqual(
      [
        'CREDENTIAL_HEADERS',
        'HOP_BY_HOP_HEADERS',
        'ProxyConfigError',
        'REQUEST_ID_HEADER',
        'createProxyHandler',
      ].sort(),
    );
  });

  it('imports only its own modules, core and the spec operations subpath', async () => {
    const files = (await readdir(src)).filter((f) => f.endsWith('.ts') && f !== 'node.ts');
    const specifiers = new Set<string>();
    for (const file of files) {
      for (const s of importsOf(await readFile(new URL(file, src), 'utf8'))) specifiers.add(s);
    }

    expect(files.length).toBeGreaterThan(1);
    const foreign = [...specifiers].filter((s) => !s.startsWith('./'));
    expect(foreign.sort()).toEqual([
      '@ofauth-mass-messages/core',
      '@ofauth-mass-messages/spec/operations',
    ]);
  });
});
