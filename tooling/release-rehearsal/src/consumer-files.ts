// The files of a consumer project, generated from the entry points of the packages it installed:
// a script importing every entry as ESM, one requiring every entry from CommonJS, a TypeScript
// file importing every typed entry (checked under `node16` and `bundler`), a program that uses
// the client, the proxy and the query helpers together, and a page for Vite to build.
import type { EntryPoint } from './entry-points.js';

/** An ES module that imports every JavaScript entry (and resolves the others) and prints a report. */
export function esmEntriesScript(entries: EntryPoint[]): string {
  return `// Written by the release rehearsal: every entry point, imported as a consumer's ES module would.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entries = ${JSON.stringify(entries.map(({ specifier, kind }) => [specifier, kind]))};
const report = {};
for (const [specifier, kind] of entries) {
  if (kind === 'js') {
    report[specifier] = Object.keys(await import(specifier)).length;
  } else {
    report[specifier] = existsSync(fileURLToPath(import.meta.resolve(specifier))) ? 'file' : 'missing';
  }
}
console.log(JSON.stringify(report));
`;
}

/** A CommonJS script that requires every entry (Node 20.19+ requires ES modules) and prints a report. */
export function cjsEntriesScript(entries: EntryPoint[]): string {
  return `// Written by the release rehearsal: every entry point, required as a consumer's CommonJS would.
const { existsSync } = require('node:fs');

const entries = ${JSON.stringify(entries.map(({ specifier, kind }) => [specifier, kind]))};
const report = {};
for (const [specifier, kind] of entries) {
  if (kind === 'file') report[specifier] = existsSync(require.resolve(specifier)) ? 'file' : 'missing';
  else report[specifier] = Object.keys(require(specifier)).length;
}
console.log(JSON.stringify(report));
`;
}

/** A TypeScript module importing every typed JavaScript entry: it compiles only if each resolves. */
export function typesFile(entries: EntryPoint[]): string {
  const typed = entries.filter((entry) => entry.kind === 'js' && entry.typed);
  return [
    '// Written by the release rehearsal: every typed entry point, resolved by TypeScript.',
    ...typed.map((entry, index) => `import * as entry${index} from '${entry.specifier}';`),
    '',
    `export const entries = [${typed.map((_, index) => `entry${index}`).join(', ')}] as const;`,
    '',
  ].join('\n');
}

/** The consumer's tsconfig for one module resolution, checking the two files above strictly. */
export function tsconfig(resolution: 'node16' | 'bundler'): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: resolution === 'node16' ? 'node16' : 'preserve',
        moduleResolution: resolution,
        strict: true,
        noEmit: true,
        allowJs: true,
        checkJs: true,
        // Under node16 the installed declarations are checked too, not only their use (once is
        // enough: the same files, and the slowest part of the check).
        skipLibCheck: resolution !== 'node16',
        types: ['node'],
      },
      files: ['types.ts', 'usage.mjs'],
    },
    null,
    2,
  )}\n`;
}

/**
 * A program using the packages together as an application would: a keyless client in "the
 * browser" calls the proxy, which adds the key and forwards to "the API" (a stub that records what
 * it received); the query helpers page through it with TanStack's QueryClient. Checked JavaScript,
 * so node runs what tsc checked.
 */
export const usageScript = `// @ts-check
// Written by the release rehearsal: the client, the proxy and the query helpers, as installed.
import { createClient } from '@ofauth-mass-messages/client';
import { createProxyHandler } from '@ofauth-mass-messages/proxy';
import { createQueryHelpers } from '@ofauth-mass-messages/query';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { QueryClient } from '@tanstack/query-core';

const KEY = 'rehearsal-secret-key';
/** @type {{ path: string, offset: string | null, key: string | null, connection: string | null }[]} */
const received = [];

/** "The API": two pages of one mass message each. @type {typeof fetch} */
const api = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  received.push({
    path: url.pathname,
    offset: url.searchParams.get('offset'),
    key: request.headers.get('apikey'),
    connection: request.headers.get('x-connection-id'),
  });
  const message = { id: 100 + offset, text: \`message \${offset}\`, media: [], previews: [] };
  return Response.json({ list: [message], hasMore: offset === 0 });
};

const proxy = createProxyHandler({
  apiKey: KEY,
  authorize: () => 'conn_rehearsal',
  upstream: 'https://api.invalid',
  basePath: '/api',
  allowedHosts: ['app.invalid'],
  fetch: api,
});
const browserClient = createClient({
  baseUrl: 'http://app.invalid/api',
  fetch: (url, init) => proxy(new Request(url, init)),
});
const helpers = createQueryHelpers(browserClient);
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

// Up to ten pages: TanStack stops where the helpers say the last page was.
const data = await queryClient.fetchInfiniteQuery({
  ...helpers.listMassMessages.infiniteQueryOptions({ limit: 1 }),
  pages: 10,
});
/** @type {number[]} */
const ids = helpers.listMassMessages.itemsOf(data).map((message) => message.id);
console.log(JSON.stringify({ operations: operations.length, ids, received }));
`;

/** The page Vite builds: the client, pointed at a same-origin proxy, filling a list. */
export const vitePage = {
  'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Mass messages</title></head>
  <body>
    <ul id="messages"></ul>
    <script type="module" src="/main.ts"></script>
  </body>
</html>
`,
  'main.ts': `import { createClient } from '@ofauth-mass-messages/client';

const client = createClient({ baseUrl: '/api' });
const list = document.querySelector('#messages');
for await (const message of client.listMassMessages({ limit: 10 })) {
  const item = document.createElement('li');
  item.textContent = String(message.id);
  list?.append(item);
}
`,
};
