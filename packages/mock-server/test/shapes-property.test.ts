// The server's property over a spec with the vendor's other operation shapes (a page without
// offset and a date range, a single object with a boolean, a path parameter): any request drawn
// from it, sent as drawn, is answered without a crash, a 5xx it did not ask for, a body that is
// not JSON, or the API key in a body or a log line; Prism in front or not.
import { Agent } from 'node:http';
import { readSpecData } from '@ofauth-mass-messages/mocks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../src/server.js';
import {
  CHART,
  drawnRequest,
  expectSoundAnswer,
  getJson,
  send,
  withNewShapes,
  writeBundle,
} from './helpers.js';

const doc = withNewShapes();
const spec = readSpecData(doc);
/** Runs against each started server; printed with the results so that a report can name them. */
const SERVER_RUNS = 150;

describe.each([true, false])(
  'property: any request to a server of the new shapes (prism: %s)',
  (prism) => {
    let mock: MockServer;
    let bundle: Awaited<ReturnType<typeof writeBundle>>;
    const lines: string[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    beforeAll(async () => {
      bundle = await writeBundle(doc);
      mock = await startMockServer({
        port: 0,
        prism,
        document: bundle.path,
        onLog: (line) => lines.push(line),
      });
    });
    afterAll(async () => {
      agent.destroy();
      await mock?.stop();
      await bundle?.dispose();
    });

    it(`answers every drawn request as the spec allows (${SERVER_RUNS} runs)`, async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(drawnRequest({ maxLength: 4_000, wire: true, spec }), async (drawn) => {
          const logged = lines.length;
          const answer = await send(mock.url, drawn, agent);
          expectSoundAnswer(drawn, answer, lines.slice(logged));
          runs++;
        }),
        { numRuns: SERVER_RUNS },
      );
      console.info(`property (server of the new shapes, prism: ${prism}): ${runs} runs passed`);
      expect(runs).toBe(SERVER_RUNS);
      expect((await getJson(`${mock.url}${CHART.path}`)).status).toBe(200);
    });
  },
);
