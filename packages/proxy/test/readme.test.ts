// The README's framework snippets compile against the real framework types (next, hono,
// express) and this package's sources. The text lives once, in the README: each block marked
// `<!-- snippet: name -->` is read from there and type-checked as a file of an app.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** Where the snippets "live": inside the package, so node_modules resolves as in an app. */
const appDir = join(root, 'test', '.readme-app');

/** Every marked snippet of the README, by name. */
function snippets(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/<!-- snippet: ([\w-]+) -->\n```ts\n([\s\S]*?)```/g)) {
    found.set(match[1] as string, match[2] as string);
  }
  return found;
}

// The app's own session module the snippets import (`getSession`, `sessionFromCookie`).
const SESSION = `
export interface Session { connectionId: string }
export async function getSession(token: string | undefined): Promise<Session | undefined> {
  return token ? { connectionId: token } : undefined;
}
export async function sessionFromCookie(cookie: string | null): Promise<Session | undefined> {
  return getSession(cookie ?? undefined);
}
`;

// Next.js checks a route's exports against its handler type when it builds: the same here, for
// every method, so a method left out (Next's own empty 405) fails this test.
const NEXT_ROUTE_CHECK = `
import type { NextRequest } from 'next/server';
import * as route from './nextjs.js';

type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<{ path: string[] }> },
) => Response | Promise<Response>;
type Method = 'DELETE' | 'GET' | 'HEAD' | 'OPTIONS' | 'PATCH' | 'POST' | 'PUT';

export const handlers: Record<Method, RouteHandler> = {
  DELETE: route.DELETE,
  GET: route.GET,
  HEAD: route.HEAD,
  OPTIONS: route.OPTIONS,
  PATCH: route.PATCH,
  POST: route.POST,
  PUT: route.PUT,
};
`;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  paths: {
    '@ofauth-mass-messages/proxy': [join(root, 'src/index.ts')],
    '@ofauth-mass-messages/proxy/node': [join(root, 'src/node.ts')],
    '@/lib/session': [join(appDir, 'session.ts')],
  },
};

/** tsc's complaints about the given app files, as `file: message` lines. */
function typeErrors(files: Record<string, string>): string[] {
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(appDir, name), text]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  // The app's folder exists only here: resolution looks for it before its files.
  const { directoryExists } = host;
  host.directoryExists = (name) => name === appDir || (directoryExists?.(name) ?? false);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  host.getSourceFile = (name, version, ...rest) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile(name, version, ...rest)
      : ts.createSourceFile(name, text, version);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || virtual.has(d.file.fileName))
    .map(
      (d) =>
        `${d.file ? d.file.fileName.slice(appDir.length + 1) : 'options'}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

const found = snippets(readme);
const app = (overrides: Record<string, string> = {}) => ({
  'session.ts': SESSION,
  'next-route-check.ts': NEXT_ROUTE_CHECK,
  ...Object.fromEntries([...found].map(([name, text]) => [`${name}.ts`, text])),
  ...overrides,
});

describe('the README snippets', () => {
  it('are all there: Next.js, Hono, Express, node:http and Workers', () => {
    expect([...found.keys()].sort()).toEqual(['express', 'hono', 'nextjs', 'node-http', 'workers']);
  });

  it('type-check against next, hono, express and this package', () => {
    expect(typeErrors(app())).toEqual([]);
  });

  // The check can fail: the same snippets, broken the ways a README drifts.
  it.each([
    [
      'a Next.js route without POST',
      'nextjs',
      (text: string) => text.replace('  handle as POST,\n', ''),
      'POST',
    ],
    [
      'the old connectionId option',
      'hono',
      (text: string) => text.replace(/authorize: [^\n]*\n/, "connectionId: 'conn_1',\n"),
      'connectionId',
    ],
    [
      'the node adapter imported from the main entry',
      'express',
      (text: string) =>
        text.replace(
          "from '@ofauth-mass-messages/proxy/node'",
          "from '@ofauth-mass-messages/proxy'",
        ),
      "has no exported member 'toNodeHandler'",
    ],
  ])('fail for %s', (_, name, breakIt, mention) => {
    const text = found.get(name) as string;
    const broken = breakIt(text);
    expect(broken).not.toBe(text);

    const errors = typeErrors(app({ [`${name}.ts`]: broken }));
    expect(errors.join('\n')).toContain(mention);
  });
});
