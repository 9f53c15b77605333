// A property over path parameters: whatever a browser puts where the template has its parameter
// (dot segments, encoded slashes, numbers in any spelling, any text), the proxy answers without a
// 5xx, and what it forwards is exactly a path core's router reads as that operation, written in
// the canonical form of the values it read.
import { createRouter, fillPath } from '@ofauth-mass-messages/core';
import { buildOperations } from '@ofauth-mass-messages/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { BUYERS_TEMPLATE, bundleWithVendorOperations } from './fixtures/vendor-operations.js';
import { API_KEY, CONNECTION_ID, recordingFetch } from './helpers/upstream.js';

const UPSTREAM = 'http://upstream.test';
const RUNS = 1_000;
const table = buildOperations(bundleWithVendorOperations());
const router = createRouter(table);

const segment = fc.oneof(
  fc.constantFrom('1', '012', '%30%31', '0', '-1', '1.5', '1e3', '9007199254740993', '..', '.'),
  fc.constantFrom('%2e%2e', '%2E', '%2F', '1%2F2', '%5C', '%00', '%', '%zz', '', ' ', '{id}'),
  fc.integer({ min: -10, max: 1e12 }).map(String),
  fc.string({ maxLength: 12 }).map((text) => text.replace(/[?#]/g, '')),
);

describe('a path parameter, over any segment', () => {
  it(`answers without a 5xx and forwards only canonical, routable paths (${RUNS} runs)`, async () => {
    let forwarded = 0;
    await fc.assert(
      fc.asyncProperty(segment, async (value) => {
        const upstream = recordingFetch();
        const handler = createProxyHandler({
          apiKey: API_KEY,
          authorize: () => CONNECTION_ID,
          upstream: UPSTREAM,
          fetch: upstream.fetch,
          operations: table,
        });
        const path = BUYERS_TEMPLATE.replace('{massMessageId}', value);
        const response = await handler(new Request(`http://localhost${path}`));

        expect(response.status).toBeLessThan(500);
        for (const received of upstream.received) {
          forwarded++;
          const sent = new URL(received.url).pathname;
          const match = router.match('GET', sent);
          expect(match.kind, sent).toBe('operation');
          if (match.kind !== 'operation') return;
          expect(match.operation.path).toBe(BUYERS_TEMPLATE);
          expect(fillPath(BUYERS_TEMPLATE, match.operation.pathParams, match.pathValues)).toBe(
            sent,
          );
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`property (path parameter segments): ${RUNS} runs, ${forwarded} forwarded`);
    expect(forwarded).toBeGreaterThan(0);
  });
});
