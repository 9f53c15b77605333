// Every entry point of the package bundles for a Worker without `nodejs_compat`: each built entry
// is bundled as a Worker bundler does (esbuild, `platform: 'neutral'`, the `worker` and `browser`
// conditions), where a Node built-in cannot resolve and fails the bundle. The bundle then runs in
// a fresh context holding only the web globals a Worker has (no `process`, `Buffer`, `require` or
// `global`). The main entry answers a request there. The `./msw` entry answers where MSW itself
// runs: MSW 2 keeps its cookies in `localStorage` wherever it does not see Node, so in a Worker
// it fails as it is imported, whatever imports it; the README says so, and a test below pins it.
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { AUTH, LIST } from './helpers/http.js';

const root = new URL('../', import.meta.url);

/** The built file of each entry of the package's exports (`./package.json` left out). */
const entries = Object.entries(manifest.exports).flatMap(([name, target]) =>
  typeof target === 'object' ? [[name, fileURLToPath(new URL(target.default, root))] as const] : [],
);

/** A Worker bundler's settings (wrangler's conditions), as an immediately run script. */
const WORKER: BuildOptions = {
  bundle: true,
  write: false,
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['browser', 'module', 'main'],
  format: 'iife',
  globalName: 'entry',
  metafile: true,
  logLevel: 'silent',
};

/** What a Worker without nodejs_compat has of the platform: web APIs, nothing of Node. */
function workerGlobals() {
  return createContext({
    AbortController,
    AbortSignal,
    Blob,
    console,
    crypto,
    Event,
    EventTarget,
    fetch,
    FormData,
    Headers,
    queueMicrotask,
    ReadableStream,
    Request,
    Response,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    structuredClone,
    TextDecoder,
    TextEncoder,
    TransformStream,
    URL,
    URLSearchParams,
    WritableStream,
  });
}

async function bundle(entryPoints: string[] | string) {
  const result = await build({
    ...WORKER,
    ...(typeof entryPoints === 'string'
      ? { stdin: { contents: entryPoints, resolveDir: fileURLToPath(root) } }
      : { entryPoints }),
  });
  const [output] = result.outputFiles ?? [];
  return { code: output?.text ?? '', inputs: Object.keys(result.metafile?.inputs ?? {}) };
}

/** Runs a bundle in the Worker-like context (plus `extra`); returns what its entry exports. */
function run(code: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const context = Object.assign(workerGlobals(), extra);
  runInContext(`${code}\nglobalThis.entry = entry;`, context);
  return context.entry as Record<string, unknown>;
}

describe('the Worker check', () => {
  it('refuses a module that imports a Node built-in (the check can fail)', async () => {
    await expect(
      bundle("import { readFileSync } from 'node:fs'; readFileSync('x');"),
    ).rejects.toThrow(/Could not resolve "node:fs"/);
  });

  it('fails a bundle that reads a Node global at run time', async () => {
    const { code } = await bundle('export const env = process.env.HOME;');
    expect(() => run(code)).toThrow(/process is not defined/);
  });
});

describe.each(entries)('the entry %s', (_name, file) => {
  it('bundles for a Worker with no Node built-in', async () => {
    const { code, inputs } = await bundle([file]);
    expect(code.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    // Neither Prism nor a faker comes with it: those are the mock server's.
    expect(inputs.filter((input) => /@stoplight|@faker-js|json-schema-faker/.test(input))).toEqual(
      [],
    );
  });
});

describe('in a Worker-like context', () => {
  const file = (name: string) => entries.find(([entry]) => entry === name)?.[1] ?? '';

  it('the main entry: createMockFetch answers a request', async () => {
    const { code } = await bundle([file('.')]);
    const createMockFetch = run(code).createMockFetch as (options: object) => typeof fetch;
    const mockFetch = createMockFetch({ mode: 'dataset', seed: 1 });
    const response = await mockFetch(`https://api.test${LIST.path}?limit=2`, { headers: AUTH });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown[]>;
    expect(body[LIST.itemsField]).toHaveLength(2);
  });

  it('./msw: the handlers are made where MSW runs (a browser: localStorage is there)', async () => {
    const { code } = await bundle([file('./msw')]);
    const store = new Map<string, string>();
    const localStorage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
      removeItem: (key: string) => store.delete(key),
    };
    const createHandlers = run(code, { localStorage }).createHandlers as (o: object) => unknown[];
    expect(createHandlers({ mode: 'examples' }).length).toBeGreaterThan(0);
  });

  it('./msw: in a Worker, MSW itself fails as it is imported (what the README says)', async () => {
    const { code } = await bundle([file('./msw')]);
    expect(() => run(code)).toThrow(/localStorage/);
  });
});
