// (4) Size: what a browser app ships for one call. Every figure comes from the client's own size
// script (packages/client/scripts/size.mjs, the one its size test budgets), which bundles the
// client's one-call consumer and the same call through openapi-fetch alone with the same esbuild
// settings, so the rows compare like with like.
import { CODE_BUDGET, measure } from '../../../packages/client/scripts/size.mjs';
import { bytes, markdownTable } from '../format.js';
import { atMost, type Suite, type SuiteResult } from '../suite.js';

export const sizeSuite: Suite = {
  name: 'size',
  async run(): Promise<SuiteResult> {
    const client = await measure();
    const alone = client.openapiFetch;
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
          'this client',
          bytes(client.bundle.minified),
          bytes(client.bundle.gzip),
          'what your app ships for `createClient` + one `listMassMessages` call: checks, retries, typed errors, paging',
        ],
        [
          'this client’s code (the spec’s operations table left out)',
          bytes(client.code.minified),
          bytes(client.code.gzip),
          `what the size budget holds (the table grows with the spec: ${bytes(client.table.gzip)} for ${client.table.operations} operations)`,
        ],
        [
          'this client’s own code (core and the table left out)',
          bytes(client.own.minified),
          bytes(client.own.gzip),
          'the client’s code alone',
        ],
        [
          'the same call through `@ofauth-mass-messages/client/raw`',
          bytes(client.raw.minified),
          bytes(client.raw.gzip),
          'the typed openapi-fetch client with the same transport, for apps that want it',
        ],
        [
          'this client minus openapi-fetch alone',
          '',
          bytes(client.bundle.gzip - alone.gzip),
          'the price of the features over the bare baseline',
        ],
      ],
    );
    const how =
      'Bundled with esbuild (`bundle`, `minify`, ESM, browser platform) and gzipped at level 9: ' +
      'by `measure()` of `packages/client/scripts/size.mjs` (run `pnpm --filter @ofauth-mass-messages/client size`): ' +
      'one script for every row. Deterministic: one run each.';
    return {
      block: 'size',
      markdown: `${table}\n\n${how}`,
      targets: [
        // The client's own budget (scripts/size.mjs, which its size test holds), not a copy.
        atMost(
          `client code for one call at most ${bytes(CODE_BUDGET)} min+gzip (its size budget)`,
          client.code.gzip,
          CODE_BUDGET,
          { show: bytes },
        ),
      ],
    };
  },
};
