// (3) The client: what it costs per request over raw fetch (and over openapi-fetch alone), and
// what look-ahead saves when iterating a large dataset from a server with 20 ms of latency.
// The servers are plain node:http children (their own core), answering the mocks' dataset.
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type OFAuthClient, type paths } from '@ofauth-mass-messages/client';
import { createDataset } from '@ofauth-mass-messages/mocks';
import createFetchClient from 'openapi-fetch';
import { markdownTable, micros, ms, percent, spread, times } from '../format.js';
import { type PlainServer, startPlainServer } from '../servers/plain.js';
import { repeat, type Summary, summarise, timed } from '../stats.js';
import { atLeast, atMost, type Suite, type SuiteResult } from '../suite.js';

const HEADERS = { apiKey: 'bench-key', 'x-connection-id': 'bench-connection' };
const PATH = '/v2/access/mass-messages';

const OVERHEAD = { rounds: 7, requests: 300, warmUp: 200 };
const ITERATION = { runs: 3, latencyMs: 20, workMs: 20 };
/** One server holds both datasets: 600 sent mass messages (of 1,000) and 2,000 purchased ones. */
const DATASET = { seed: 1, massMessages: 1000, purchased: 2000 };

interface Endpoint {
  name: string;
  call: string;
  pageSize: number;
  items: number;
  iterate(client: OFAuthClient, lookahead: boolean): AsyncIterable<unknown>;
}

/** Both list calls looped with `for await`, each at its endpoint's largest page: small pages (20)
 * and large ones (100). */
function endpoints(): Endpoint[] {
  const dataset = createDataset(DATASET);
  return [
    {
      name: 'mass messages (sent)',
      call: "for await … of listMassMessages({ type: 'sent', limit: 20 }, { lookahead })",
      pageSize: 20,
      items: dataset.massMessages.sent.length,
      iterate: (client, lookahead) =>
        client.listMassMessages({ type: 'sent', limit: 20 }, { lookahead }),
    },
    {
      name: 'purchased mass messages',
      call: 'for await … of listPurchasedMassMessages({ limit: 100 }, { lookahead })',
      pageSize: 100,
      items: dataset.purchased.length,
      iterate: (client, lookahead) =>
        client.listPurchasedMassMessages({ limit: 100 }, { lookahead }),
    },
  ];
}

// PromiseLike: a list call returns a lazy PagePromise, sent when awaited, not a Promise.
type Caller = () => PromiseLike<unknown>;

/** ms per request of `requests` sequential calls. */
async function perRequest(call: Caller, requests: number): Promise<number> {
  const total = await timed(async () => {
    for (let i = 0; i < requests; i++) await call();
  });
  return total / requests;
}

async function overhead(server: PlainServer) {
  const client = createClient({
    apiKey: HEADERS.apiKey,
    connectionId: HEADERS['x-connection-id'],
    baseUrl: server.url,
  });
  const fetchClient = createFetchClient<paths>({ baseUrl: server.url, headers: HEADERS });
  const callers: Record<'raw' | 'openapiFetch' | 'client', Caller> = {
    raw: async () => {
      const response = await fetch(`${server.url}${PATH}?limit=10`, { headers: HEADERS });
      if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
      await response.json();
    },
    openapiFetch: async () => {
      const { error } = await fetchClient.GET(PATH, { params: { query: { limit: 10 } } });
      if (error) throw new Error('openapi-fetch: error response');
    },
    client: () => client.listMassMessages({ limit: 10 }),
  };
  const names = Object.keys(callers) as Array<keyof typeof callers>;
  for (const name of names) await perRequest(callers[name], OVERHEAD.warmUp);
  const samples: Record<keyof typeof callers, number[]> = { raw: [], openapiFetch: [], client: [] };
  // Rounds rotate the order, so no caller always runs first (or always after a GC-heavy one).
  await repeat(OVERHEAD.rounds, async (round) => {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as keyof typeof callers;
      samples[name].push(await perRequest(callers[name], OVERHEAD.requests));
    }
  });
  // Overhead per round (paired): the rounds share the machine's state at that moment.
  const over = (name: keyof typeof callers) =>
    summarise(samples[name].map((value, round) => value / (samples.raw[round] as number) - 1));
  return {
    raw: summarise(samples.raw),
    openapiFetch: summarise(samples.openapiFetch),
    client: summarise(samples.client),
    openapiFetchOver: over('openapiFetch'),
    clientOver: over('client'),
  };
}

async function iterate(
  server: PlainServer,
  endpoint: Endpoint,
  lookahead: boolean,
  workMs: number,
): Promise<number> {
  const client = createClient({
    apiKey: HEADERS.apiKey,
    connectionId: HEADERS['x-connection-id'],
    baseUrl: server.url,
  });
  let items = 0;
  const elapsed = await timed(async () => {
    for await (const _item of endpoint.iterate(client, lookahead)) {
      items++;
      // The caller's own work on each page (say, writing it to a database).
      if (workMs > 0 && items % endpoint.pageSize === 0) await sleep(workMs);
    }
  });
  if (items !== endpoint.items) {
    throw new Error(`${endpoint.call} yielded ${items} items, expected ${endpoint.items}`);
  }
  return elapsed;
}

type Timings = Map<string, Summary>;
const key = (endpoint: Endpoint, lookahead: boolean, workMs: number) =>
  `${endpoint.name}|${lookahead}|${workMs}`;

async function iterations(list: Endpoint[]): Promise<Timings> {
  const slow = await startPlainServer({ latencyMs: ITERATION.latencyMs, dataset: DATASET });
  const timings: Timings = new Map();
  try {
    for (const endpoint of list) {
      for (const workMs of [0, ITERATION.workMs]) {
        for (const lookahead of [false, true]) {
          const runs = await repeat(ITERATION.runs, () =>
            iterate(slow, endpoint, lookahead, workMs),
          );
          timings.set(key(endpoint, lookahead, workMs), summarise(runs));
        }
      }
    }
  } finally {
    await slow.stop();
  }
  return timings;
}

export const clientSuite: Suite = {
  name: 'client',
  async run(): Promise<SuiteResult> {
    const local = await startPlainServer({ dataset: { seed: 1, massMessages: 137, purchased: 0 } });
    let cost: Awaited<ReturnType<typeof overhead>>;
    try {
      cost = await overhead(local);
    } finally {
      await local.stop();
    }
    const list = endpoints();
    const timings = await iterations(list);
    const pick = (endpoint: Endpoint, lookahead: boolean, workMs: number) =>
      timings.get(key(endpoint, lookahead, workMs)) as Summary;
    const speedup = (endpoint: Endpoint, workMs: number) =>
      pick(endpoint, false, workMs).median / pick(endpoint, true, workMs).median;

    const overheadTable = markdownTable(
      ['caller', 'per request, median (min–max)', 'over raw fetch', 'what it means for you'],
      [
        [
          'raw `fetch` + `response.json()`',
          spread(cost.raw, micros),
          '—',
          'the floor: a request and its JSON',
        ],
        [
          '`openapi-fetch` alone',
          spread(cost.openapiFetch, micros),
          spread(cost.openapiFetchOver, percent),
          'typed paths, nothing else',
        ],
        [
          'this client (`listMassMessages`)',
          spread(cost.client, micros),
          spread(cost.clientOver, percent),
          'argument checks, timeout, retry wrapper, typed errors, page check',
        ],
      ],
    );
    const rows = list.flatMap((endpoint) => {
      const pages = Math.ceil(endpoint.items / endpoint.pageSize);
      const row = (lookahead: boolean, workMs: number, meaning: string) => [
        `${endpoint.name}: ${endpoint.items.toLocaleString('en-US')} items, ${pages} pages of ${endpoint.pageSize}`,
        lookahead ? 'look-ahead' : 'page by page',
        workMs ? `${workMs} ms per page` : 'none',
        spread(pick(endpoint, lookahead, workMs), ms),
        lookahead ? times(speedup(endpoint, workMs)) : '1.00x',
        meaning,
      ];
      return [
        row(false, 0, `${pages} round trips, one after the other`),
        row(true, 0, 'nothing to overlap: the next page is awaited at once either way'),
        row(false, ITERATION.workMs, 'a round trip, then your work, page after page'),
        row(true, ITERATION.workMs, 'the next page downloads while you work on this one'),
      ];
    });
    const iterationTable = markdownTable(
      [
        'iteration',
        'mode',
        'caller’s work',
        'all items, median (min–max)',
        'speed-up',
        'what it means for you',
      ],
      rows,
    );
    const how = [
      `Overhead: ${OVERHEAD.rounds} rounds of ${OVERHEAD.requests} sequential requests per caller (after ${OVERHEAD.warmUp} warm-up requests each), ` +
        'order rotated per round, against a plain node:http child on 127.0.0.1 answering a 10-item page of the mocks’ dataset (19 kB); ' +
        'the overhead is paired per round.',
      `Iteration: ${list.map((e) => `\`${e.call}\``).join(' and ')} against a plain node:http child serving the mocks’ dataset ` +
        `(seed ${DATASET.seed}) that answers every request after ${ITERATION.latencyMs} ms; ${ITERATION.runs} runs each. ` +
        `The caller’s work is an await of ${ITERATION.workMs} ms after each page’s last item.`,
    ].join('\n\n');
    return {
      block: 'client',
      markdown: `${overheadTable}\n\n${iterationTable}\n\n${how}`,
      targets: [
        atMost(
          'client under 10% overhead per request over raw fetch',
          cost.clientOver.median,
          0.1,
          {
            show: percent,
            gap: (over) => `${(over * 100).toFixed(1)} points over`,
          },
        ),
        ...list.map((endpoint) =>
          atLeast(
            `look-ahead at least 1.6x faster than page by page at ${ITERATION.latencyMs} ms latency: ${endpoint.name}, caller working ${ITERATION.workMs} ms per page`,
            speedup(endpoint, ITERATION.workMs),
            1.6,
            { show: times, gap: (short) => `${short.toFixed(2)}x short` },
          ),
        ),
      ],
    };
  },
};
