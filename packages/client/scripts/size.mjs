// @ts-check
// The size budget: bundles a one-call browser consumer of the built client (dist/) with esbuild,
// minified, and gzips it. Figures, side by side: the whole bundle a consumer ships; the client's
// code in it (the same bundle with the spec's operations table left out); this package's own code
// (core left out too); the operations table alone, which grows with the spec, not with the code;
// openapi-fetch alone making the same call, for comparison; and a consumer of the `./raw`
// subpath. `pnpm size` prints them; the size test holds the code to the budgets below, so an
// operation added to openapi.yaml (a few hundred bytes of table) never needs a budget raised by
// hand, while a change of the client's code is measured exactly. Bundling for the browser
// platform also proves the runtime imports nothing from Node.
import { access } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * gzip bytes of the client's code in a one-call consumer: the whole bundle without the spec's
 * operations table. History of the whole bundle (with the table of the two operations the spec
 * then had): issue 13's target was 3,584 B (measured 3,566 B), held because the main entry no
 * longer includes openapi-fetch (~2.7 kB): list methods call the transport directly, and
 * openapi-fetch is only in the `./raw` subpath. Issue 18's security fixes (no redirect followed,
 * the streamed size cap, credential checks, redaction of property names, request ids, causes and
 * debug lines, the page-size check) measured 4,494 B. Core's parameter check, which checks dates,
 * date-times, patterns and lengths since issue 20, measured 4,975 B. Issue 19 (measured 4,996 B
 * before it) added 1,139 B: the vendor's error bodies read by core's readErrorBody and the
 * X-RateLimit-* headers by core's readRateLimit (389 B), and the opt-in limiter (750 B), which an
 * option cannot leave out of a bundle: 6,135 B. The page API and every operation shape (issues 20
 * and 21) added 676 B: 6,811 B with the two operations' table. Since issue 20 made adding an
 * operation one edit of openapi.yaml, the budget holds the code alone, the table measured beside
 * it: 6,564 B without the table whatever the spec holds (the table: 360 B gzipped for two
 * operations, 456 B for three). One redaction and one option check (issue 21: core's redactor and
 * checkOptions instead of the client's own) added about 530 B: the one rule (percent-encoded keys,
 * bodies whose numbers or structure spell the key) and core's option check (every option's rule,
 * an unknown name refused with the closest known one, which the client silently ignored):
 * measured 7,075 B, budget 7,168 B.
 */
export const CODE_BUDGET = 7168;
/**
 * gzip bytes of this package's own runtime: core and the operations table left out; measured
 * 4,818 B with its redaction and option checks in core (issue 21), 5,225 B when the budget moved off the table (with the two operations' table: 5,474 B; 4,944 B
 * before the page API and the operation shapes, 4,311 B before issue 19, 3,371 B before issue
 * 18).
 */
export const OWN_BUDGET = 4864;

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = (/** @type {string} */ file) =>
  fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** The consumers measured, each one call of `listMassMessages`. */
export const consumers = {
  client: `
import { createClient } from ${JSON.stringify(dist('index.js'))};
const client = createClient({ apiKey: 'key', connectionId: 'conn' });
client.listMassMessages({ limit: 10 }).then((page) => console.log(page.list.length));
`,
  table: `
import { operations } from ${JSON.stringify(dist('generated/operations.js'))};
console.log(operations);
`,
  raw: `
import { createRawClient } from ${JSON.stringify(dist('raw.js'))};
const client = createRawClient({ apiKey: 'key', connectionId: 'conn' });
client.GET('/v2/access/mass-messages', { params: { query: { limit: 10 } } }).then(({ data }) => console.log(data?.list.length));
`,
  openapiFetch: `
import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api-next.ofauth.com', headers: { apiKey: 'key', 'x-connection-id': 'conn' } });
client.GET('/v2/access/mass-messages', { params: { query: { limit: 10 } } }).then(({ data }) => console.log(data.list.length));
`,
};

/** The generated table, as the client's modules import it. */
const TABLE_MODULE = /[\\/]generated[\\/]operations\.js$/;

/**
 * Swaps the spec's operations table for an empty one of the same exports: what is left is the
 * client's code, whatever the spec holds.
 * @type {import('esbuild').Plugin}
 */
const leaveOutTable = {
  name: 'leave-out-the-operations-table',
  setup(build) {
    build.onLoad({ filter: TABLE_MODULE }, () => ({
      contents: 'export const defaultBaseUrl = ""; export const operations = {};',
      loader: 'js',
    }));
  },
};

/**
 * @param {string} consumer the consumer's source
 * @param {string[]} [external] packages left out of the bundle
 * @param {{ withoutTable?: boolean }} [options] leave the spec's operations table out
 * @returns {Promise<{ minified: number, gzip: number, text: string }>}
 */
async function bundle(consumer, external = [], { withoutTable = false } = {}) {
  const result = await build({
    stdin: { contents: consumer, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external,
    plugins: withoutTable ? [leaveOutTable] : [],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    text: new TextDecoder().decode(code),
  };
}

/** Every figure, from dist/ (run the build first). */
export async function measure() {
  try {
    await access(dist('index.js'));
  } catch (cause) {
    throw new Error(`${dist('index.js')} is missing: build the client first`, { cause });
  }
  const [whole, code, own, table, raw, openapiFetch] = await Promise.all([
    bundle(consumers.client),
    bundle(consumers.client, [], { withoutTable: true }),
    bundle(consumers.client, ['@ofauth-mass-messages/core'], { withoutTable: true }),
    bundle(consumers.table),
    bundle(consumers.raw),
    bundle(consumers.openapiFetch),
  ]);
  const { operations } = await import(pathToFileURL(dist('generated/operations.js')).href);
  return {
    bundle: whole,
    code,
    own,
    table: { ...table, operations: Object.keys(operations).length },
    raw,
    openapiFetch,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { bundle: whole, code, own, table, raw, openapiFetch } = await measure();
  const line = (
    /** @type {string} */ name,
    /** @type {{ minified: number, gzip: number }} */ m,
    /** @type {number} */ budget = 0,
  ) =>
    `${name.padEnd(62)} ${String(m.minified).padStart(6)} B min ${String(m.gzip).padStart(6)} B min+gzip` +
    (budget ? ` (budget ${budget} B) ${m.gzip <= budget ? 'ok' : 'OVER'}` : '');
  console.log(line('one-call consumer of the client (everything it ships)', whole));
  console.log(line('  its code (the spec’s operations table left out)', code, CODE_BUDGET));
  console.log(line('  the client’s own code (core and the table left out)', own, OWN_BUDGET));
  console.log(line(`  the spec’s operations table alone (${table.operations} operations)`, table));
  console.log(line('openapi-fetch alone, the same call', openapiFetch));
  console.log(line('one-call consumer of the ./raw subpath (openapi-fetch)', raw));
  if (code.gzip > CODE_BUDGET || own.gzip > OWN_BUDGET) process.exitCode = 1;
}
