// (4) Size: what a browser app ships for one call. The client's figures come from the client's
// own size script (packages/client/scripts/size.mjs, the one its size test budgets); only the
// openapi-fetch-alone baseline is bundled here, with the same esbuild settings as that script.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { measure } from '../../../packages/client/scripts/size.mjs';
import { bytes, markdownTable } from '../format.js';
import { atMost, type Suite, type SuiteResult } from '../suite.js';

const BUDGET = 4096;
const packageDir = new URL('../..', import.meta.url).pathname;

/** One call through openapi-fetch alone, as size.mjs's consumer makes one through the client. */
const openapiFetchConsumer = `
import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.example.invalid', headers: { apiKey: 'key', 'x-connection-id': 'conn' } });
client.GET('/v2/access/mass-messages', { params: { query: { limit: 10 } } }).then(({ data }) => console.log(data.list.length));
`;

async function openapiFetchAlone(): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    stdin: { contents: openapiFetchConsumer, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export const sizeSuite: Suite = {
  name: 'size',
  async run(): Promise<SuiteResult> {
    const [client, alone] = await Promise.all([measure(), openapiFetchAlone()]);
    const table = markdownTable(
      ['one-call bundle', 'minified', 'min+gzip', 'what it means for you'],
      [
        [
          '`openapi-fetch` alone',
          bytes(alone.minified),
          bytes(alone.gzip),
          'the baseline: typed fetch, no checks, no retries, no errors of its own',
        ],
        [
          'this client (openapi-fetch included)',
          bytes(client.bundle.minified),
          bytes(client.bundle.gzip),
          'what your app ships for `createClient` + one `listMassMessages` call',
        ],
        [
          'this client’s own code (openapi-fetch left out)',
          bytes(client.own.minified),
          bytes(client.own.gzip),
          'what the client adds on top of openapi-fetch',
        ],
        [
          'added over openapi-fetch alone',
          '',
          bytes(client.bundle.gzip - alone.gzip),
          'the price of the features',
        ],
      ],
    );
    const how =
      'Bundled with esbuild (`bundle`, `minify`, ESM, browser platform) and gzipped at level 9: ' +
      'the client’s rows by `measure()` of `packages/client/scripts/size.mjs` (run `pnpm --filter @ofauth-mass-messages/client size`), ' +
      'the baseline by `bench/src/suites/size.ts`. Deterministic: one run each.';
    return {
      block: 'size',
      markdown: `${table}\n\n${how}`,
      targets: [
        atMost(
          'client bundle for one call under 4 kB (4,096 B) min+gzip',
          client.bundle.gzip,
          BUDGET,
          { show: bytes },
        ),
      ],
    };
  },
};
