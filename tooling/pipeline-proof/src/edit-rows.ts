// The rows of the edit table: for each everyday spec edit, what it writes into the document, a
// typed use that compiles only once the edit reached the client's types, the probe's call, and
// what the answers must show in each target. The table (test/edit-table.e2e.test.ts) applies each
// edit to one scratch copy in turn and checks every package against these; nothing here is
// written per package.
import type { JsonObject } from '@ofauth-mass-messages/spec';
import {
  addEnumValue,
  addNestedRequiredField,
  addObjectOperation,
  addPathParameterOperation,
  addRequiredField,
  BUYERS,
  CHART,
  inlinePageSchema,
  makeFieldNullable,
  PURCHASED_PATH,
  removeField,
  removeOperation,
} from './spec-edits.js';

/** What `probe/run-probe.mjs` saw of one call against one target. */
export interface Exchange {
  method: string;
  /** Path and query, without the target's origin. */
  url: string;
  status: number;
  body: unknown;
}

export interface CallOutcome {
  ok: boolean;
  value?: unknown;
  error?: string;
  exchanges: Exchange[];
}

/** Where a probe runs its calls: the mock server and the MSW handlers per mode, the proxy. */
export const MODES = ['dataset', 'examples', 'dynamic'] as const;
export type Mode = (typeof MODES)[number];
export const TARGETS = [
  ...MODES.map((mode) => `mock ${mode}` as const),
  ...MODES.map((mode) => `msw ${mode}` as const),
  'proxy',
] as const;
export type Target = (typeof TARGETS)[number];

/** The mode behind a target (the proxy is in front of the dataset mock). */
export const modeOf = (target: Target): Mode =>
  target === 'proxy' ? 'dataset' : (target.split(' ')[1] as Mode);

/** What one target's answer shows of the edit. */
export interface Shown {
  /** Empty when the answer shows the edit (or, `shown: false`, at least keeps to it). */
  problems: string[];
  /** A few words for the table: `20 items, campaignName in each`. */
  note: string;
  /**
   * Whether this mode makes the edit visible (false: it keeps to it without showing it, as the
   * examples mode for an enum value no example uses). Where true, the answer of the unedited
   * repository must fail the same check: the proof that it can fail.
   */
  shown: boolean;
}

export interface EditRow {
  /** The row's number in the list. */
  n: number;
  title: string;
  edit(spec: string): string;
  /** The operation the row calls, filters the contract suite by and looks for on the page. */
  operationId: string;
  /** What the edit wrote into a document: problems, none when it is there. */
  inDocument(doc: JsonObject): string[];
  /**
   * A checked-JavaScript use of the client. `before`/`after`: whether it compiles against the
   * unedited client and the edited one (a use of the removed operation must stop compiling).
   */
  types: { source: string; before: 'compiles' | 'fails'; after: 'compiles' | 'fails' };
  /** The probe's call, checked JavaScript: `async ({ client, get }) => …`, a JSON-able result. */
  call: string;
  /** What the answer of one target shows; `before` is the unedited repository's answer. */
  shows(outcome: CallOutcome, target: Target, before?: CallOutcome): Shown;
  /**
   * `differs`: where an answer shows the edit, the unedited repository's answer must fail the
   * same check (the proof that it can fail). `equals`: the edit changes nothing a user sees, and
   * the check compares with the unedited repository's answer.
   */
  before: 'differs' | 'equals';
  /** The operation is there after the edit (false: the client must have no method for it). */
  served: boolean;
  /** The contract suite has checks of the operation (false: it must have none, once removed). */
  contractChecks: boolean;
}

const CLIENT = "import('@ofauth-mass-messages/client')";

type Item = Record<string, unknown>;
const isItem = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const itemsIn = (value: unknown, field: string): Item[] => {
  const items = isItem(value) ? value[field] : undefined;
  return Array.isArray(items) ? items.filter(isItem) : [];
};
const listOf = (value: unknown): Item[] =>
  Array.isArray(value) ? value.filter(isItem) : itemsIn(value, 'list');

const schemaOf = (doc: JsonObject, name: string): JsonObject =>
  (((doc.components as JsonObject | undefined)?.schemas as JsonObject | undefined)?.[name] as
    | JsonObject
    | undefined) ?? {};
const pathItem = (doc: JsonObject, path: string) =>
  (doc.paths as JsonObject | undefined)?.[path] as JsonObject | undefined;

/** Problems when `schema` does not require (or have) the property `name`. */
function requires(doc: JsonObject, schema: string, name: string): string[] {
  const s = schemaOf(doc, schema);
  const problems: string[] = [];
  if (!(s.properties as JsonObject | undefined)?.[name]) problems.push(`${schema} has no ${name}`);
  if (!(s.required as string[] | undefined)?.includes(name))
    problems.push(`${schema} does not require ${name}`);
  return problems;
}

/** Every value of `key` in any object of a JSON tree (the examples, a body). */
function valuesOf(tree: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(tree)) for (const item of tree) valuesOf(item, key, found);
  else if (isItem(tree)) {
    if (Object.hasOwn(tree, key)) found.push(tree[key]);
    for (const value of Object.values(tree)) valuesOf(value, key, found);
  }
  return found;
}

/** The JSON path of the first place two JSON values differ (`$` when their kinds do), or undefined. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const at = Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`;
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      at,
    );
    if (found) return found;
  }
  return undefined;
}

/** The value at a path `firstDifference` gave. */
function valueAt(value: unknown, path: string): unknown {
  const keys = path.match(/[^.[\]$]+/g) ?? [];
  return keys.reduce<unknown>(
    (at, key) => (at as Record<string, unknown> | undefined)?.[key],
    value,
  );
}

/** The outcome's failure, or the problems of `check` on its value. */
function answered(
  outcome: CallOutcome,
  check: (value: unknown) => Omit<Shown, 'problems'> & {
    problems?: string[];
  },
): Shown {
  if (!outcome.ok)
    return { problems: [`the call failed: ${outcome.error}`], note: 'call failed', shown: true };
  const shown = check(outcome.value);
  return { problems: shown.problems ?? [], note: shown.note, shown: shown.shown };
}

/** Items of every purchased mass message's media and previews. */
const mediaOf = (items: Item[]) =>
  items.flatMap((item) => [...listOf(item.media), ...listOf(item.previews)]);

export const EDIT_ROWS: readonly EditRow[] = [
  {
    n: 1,
    title: 'a required field (MassMessage.campaignName)',
    edit: addRequiredField,
    operationId: 'listMassMessages',
    inDocument: (doc) => requires(doc, 'MassMessage', 'campaignName'),
    types: {
      source: `/** @param {${CLIENT}.MassMessage} message @returns {string} */
export const campaignOf = (message) => message.campaignName;`,
      before: 'fails',
      after: 'compiles',
    },
    call: `async ({ client }) => client.listMassMessages({ limit: 20 })`,
    shows: (outcome) =>
      answered(outcome, (value) => {
        const items = listOf(value);
        const lacking = items.filter((item) => typeof item.campaignName !== 'string');
        return {
          problems: [
            ...(items.length === 0 ? ['no items'] : []),
            ...(lacking.length > 0
              ? [`${lacking.length} of ${items.length} items lack campaignName`]
              : []),
          ],
          note: `campaignName in ${items.length - lacking.length}/${items.length}`,
          shown: true,
        };
      }),
    before: 'differs',
    served: true,
    contractChecks: true,
  },
  {
    n: 2,
    title: 'a nested required field (Media.blurhash)',
    edit: addNestedRequiredField,
    operationId: 'listPurchasedMassMessages',
    inDocument: (doc) => requires(doc, 'Media', 'blurhash'),
    types: {
      source: `/** @param {${CLIENT}.Media} media @returns {string} */
export const blurhashOf = (media) => media.blurhash;`,
      before: 'fails',
      after: 'compiles',
    },
    call: `async ({ client }) => client.listPurchasedMassMessages({ limit: 30 })`,
    shows: (outcome) =>
      answered(outcome, (value) => {
        const media = mediaOf(itemsIn(value, 'items'));
        const lacking = media.filter((m) => typeof m.blurhash !== 'string');
        return {
          problems: [
            ...(media.length === 0 ? ['no media in the items'] : []),
            ...(lacking.length > 0
              ? [`${lacking.length} of ${media.length} media lack blurhash`]
              : []),
          ],
          note: `blurhash in ${media.length - lacking.length}/${media.length} media`,
          shown: true,
        };
      }),
    before: 'differs',
    served: true,
    contractChecks: true,
  },
  {
    n: 3,
    title: 'a new enum value (MediaType sticker)',
    edit: addEnumValue,
    operationId: 'listPurchasedMassMessages',
    inDocument: (doc) =>
      ((schemaOf(doc, 'MediaType').enum as unknown[] | undefined) ?? []).includes('sticker')
        ? []
        : ['MediaType has no sticker'],
    types: {
      source: `/** @type {${CLIENT}.Media['type']} */
export const sticker = 'sticker';`,
      before: 'fails',
      after: 'compiles',
    },
    call: `async ({ client }) => client.listPurchasedMassMessages({ limit: 100 })`,
    shows: (outcome, target) =>
      answered(outcome, (value) => {
        const types = mediaOf(itemsIn(value, 'items')).map((m) => m.type);
        const stickers = types.filter((type) => type === 'sticker').length;
        // The examples are the spec's, and none uses the new value: they keep to the enum only.
        if (modeOf(target) === 'examples') {
          return {
            note: `${types.length} media, none a sticker (no example uses it)`,
            shown: false,
          };
        }
        return {
          problems: stickers === 0 ? [`no sticker among ${types.length} media`] : [],
          note: `${stickers} stickers in ${types.length} media`,
          shown: true,
        };
      }),
    before: 'differs',
    served: true,
    contractChecks: true,
  },
  {
    n: 4,
    title: 'a nullable change (MassMessage.text may be null)',
    edit: makeFieldNullable,
    operationId: 'listMassMessages',
    inDocument: (doc) => {
      const text = (schemaOf(doc, 'MassMessage').properties as JsonObject | undefined)?.text as
        | JsonObject
        | undefined;
      return Array.isArray(text?.type) && text.type.includes('null')
        ? []
        : ['MassMessage.text is not nullable'];
    },
    types: {
      source: `/** @type {${CLIENT}.MassMessage['text']} */
export const noText = null;`,
      before: 'fails',
      after: 'compiles',
    },
    call: `async ({ client }) => {
  /** @type {unknown[]} */
  const items = [];
  for await (const message of client.listMassMessages({ limit: 20 }, { maxItems: 100 })) items.push(message);
  return items;
}`,
    shows: (outcome, target) =>
      answered(outcome, (value) => {
        const items = listOf(value);
        const nulls = items.filter((item) => item.text === null).length;
        // Dynamic mode sends every shape the schema allows, a null among them; the dataset's
        // texts and the examples' stay strings, which the schema still allows.
        if (modeOf(target) !== 'dynamic') {
          return {
            note: `${items.length} items, text a string in ${items.length - nulls}`,
            shown: false,
          };
        }
        return {
          problems: nulls === 0 ? [`no null text among ${items.length} items`] : [],
          note: `${nulls} null texts in ${items.length}`,
          shown: true,
        };
      }),
    before: 'differs',
    served: true,
    contractChecks: true,
  },
  {
    n: 5,
    title: 'a removed field (MassMessage.queueId)',
    edit: removeField,
    operationId: 'listMassMessages',
    inDocument: (doc) => {
      const left = valuesOf(doc, 'queueId').length;
      return left === 0 ? [] : [`queueId still written ${left} times`];
    },
    types: {
      source: `// @ts-expect-error queueId is no longer a field of MassMessage
export const queueOf = (/** @type {${CLIENT}.MassMessage} */ message) => message.queueId;`,
      before: 'fails',
      after: 'compiles',
    },
    call: `async ({ client }) => {
  /** @type {unknown[]} */
  const items = [];
  for await (const message of client.listMassMessages({ limit: 20 }, { maxItems: 100 })) items.push(message);
  return items;
}`,
    shows: (outcome) =>
      answered(outcome, (value) => {
        const items = listOf(value);
        const having = items.filter((item) => Object.hasOwn(item, 'queueId')).length;
        return {
          problems: [
            ...(items.length === 0 ? ['no items'] : []),
            ...(having > 0 ? [`${having} of ${items.length} items have queueId`] : []),
          ],
          note: `queueId in ${having}/${items.length}`,
          shown: true,
        };
      }),
    before: 'differs',
    served: true,
    contractChecks: true,
  },
  {
    n: 6,
    title: 'an inline page schema (the purchased page written in the operation)',
    edit: inlinePageSchema,
    operationId: 'listPurchasedMassMessages',
    inDocument: (doc) => {
      const ok = ((
        (pathItem(doc, PURCHASED_PATH)?.get as JsonObject | undefined)?.responses as
          | JsonObject
          | undefined
      )?.['200'] ?? {}) as JsonObject;
      const schema = (ok.content as JsonObject | undefined)?.['application/json'] as
        | JsonObject
        | undefined;
      return ok.$ref === undefined && isItem(schema?.schema) && schema.schema.$ref === undefined
        ? []
        : ['the purchased 200 is still a $ref'];
    },
    types: {
      // The same types as before the edit: items and bodies typed alike, the page still paged.
      source: `/** @typedef {${CLIENT}.ItemOf<'listPurchasedMassMessages'>} Item */
/** @typedef {${CLIENT}.PurchasedMassMessage} Purchased */
/** @type {(item: Item) => Purchased} */
export const itemIs = (item) => item;
/** @type {(item: Purchased) => Item} */
export const isItem = (item) => item;
/** @type {(body: ${CLIENT}.BodyOf<'listPurchasedMassMessages'>) => ${CLIENT}.PurchasedMassMessagesPage} */
export const bodyIs = (body) => body;
/** @param {${CLIENT}.OFAuthClient} client */
export const pages = (client) => client.listPurchasedMassMessages({ limit: 5 }).iterPages();
// @ts-expect-error an item is typed, not any: its id is a number
export const badId = /** @type {Item['id']} */ ('x');`,
      before: 'compiles',
      after: 'compiles',
    },
    call: `async ({ client }) => client.listPurchasedMassMessages({ limit: 30 })`,
    shows: (outcome, _target, before) =>
      answered(outcome, (value) => {
        const where = before?.ok === true ? firstDifference(before.value, value) : '$';
        return {
          problems: where
            ? [
                `the answer differs from the unedited repository’s at ${where}: ` +
                  `${JSON.stringify(valueAt(before?.value, where))} before, ` +
                  `${JSON.stringify(valueAt(value, where))} after`,
              ]
            : [],
          note: `${itemsIn(value, 'items').length} items, as before the edit`,
          shown: true,
        };
      }),
    before: 'equals',
    served: true,
    contractChecks: true,
  },
  {
    n: 7,
    title: `a path-parameter operation (${BUYERS.operationId}, offset-paged)`,
    edit: addPathParameterOperation,
    operationId: BUYERS.operationId,
    inDocument: (doc) =>
      pathItem(doc, BUYERS.path) ? [] : [`${BUYERS.path} is not in the document`],
    types: {
      source: `/** @typedef {${CLIENT}.OFAuthClient} Client */
/** @param {${CLIENT}.ItemOf<'${BUYERS.operationId}'>} buyer @returns {string} */
export const usernameOf = (buyer) => buyer.username;
/** @param {Client} client */
export const everyPage = (client) => client.${BUYERS.operationId}({ id: 1, sort: 'spent' }).iterPages();
// @ts-expect-error the path parameter is required
export const withoutId = (/** @type {Client} */ client) => client.${BUYERS.operationId}({ limit: 5 });`,
      before: 'fails',
      after: 'compiles',
    },
    call: `async ({ client }) => {
  const page = await client.${BUYERS.operationId}({ id: 2954107733, limit: 5 });
  let iterated = 0;
  for await (const buyer of client.${BUYERS.operationId}({ id: 2954107733, sort: 'spent' }, { maxItems: 500 })) {
    if (typeof buyer.username === 'string') iterated++;
  }
  const refused = await client.${BUYERS.operationId}({ id: 0 }).then(() => 'sent', (error) => (error instanceof Error ? error.name : String(error)));
  return { page, iterated, refused };
}`,
    shows: (outcome) =>
      answered(outcome, (value) => {
        const { iterated, refused } = (value ?? {}) as { iterated?: number; refused?: string };
        const urls = outcome.exchanges.map((exchange) => exchange.url);
        const last = outcome.exchanges.at(-1)?.body as { hasMore?: unknown } | undefined;
        const problems = [
          ...(urls.every((url) => url.startsWith(BUYERS.path.replace('{id}', '2954107733')))
            ? []
            : [`a request left the path: ${urls.join(', ')}`]),
          ...(iterated && iterated > 0 && iterated < 500 ? [] : [`iterated ${iterated} items`]),
          ...(last?.hasMore === false ? [] : ['the last page does not end the list']),
          ...(refused === 'InvalidArgumentError'
            ? []
            : [`id 0 was not refused before sending: ${refused}`]),
        ];
        return { problems, note: `${iterated} buyers to the end, id 0 refused`, shown: true };
      }),
    before: 'differs',
    served: true,
    contractChecks: true,
  },
  {
    n: 8,
    title: `a single-object operation (${CHART.operationId}: date and boolean parameters)`,
    edit: addObjectOperation,
    operationId: CHART.operationId,
    inDocument: (doc) =>
      pathItem(doc, CHART.path) ? [] : [`${CHART.path} is not in the document`],
    types: {
      source: `/** @param {${CLIENT}.OFAuthClient} client */
export const totals = async (client) => {
  const chart = await client.${CHART.operationId}({ startDate: '2026-11-01', withTotal: true });
  /** @type {[string | undefined, number | undefined]} */
  const firstDay = [chart.chart[0]?.date, chart.total?.purchased];
  return firstDay;
};
// @ts-expect-error one object: no pages to iterate
export const noPages = (/** @type {${CLIENT}.OFAuthClient} */ client) => client.${CHART.operationId}({}).iterPages();`,
      before: 'fails',
      after: 'compiles',
    },
    call: `async ({ client }) => {
  const range = { startDate: '2026-11-01', endDate: '2026-11-07' };
  const withTotal = await client.${CHART.operationId}({ ...range, withTotal: true });
  const without = await client.${CHART.operationId}({ ...range, withTotal: false });
  const refused = await client.${CHART.operationId}({ startDate: '2026-02-30' }).then(() => 'sent', (error) => (error instanceof Error ? error.name : String(error)));
  return { withTotal, without, refused };
}`,
    shows: (outcome, target) =>
      answered(outcome, (value) => {
        const { withTotal, without, refused } = (value ?? {}) as Record<string, unknown>;
        const days = listOf(isItem(withTotal) ? withTotal.chart : undefined).length;
        const examples = modeOf(target) === 'examples';
        const problems = [
          ...(outcome.exchanges.length === 2
            ? []
            : [`${outcome.exchanges.length} requests sent, not 2`]),
          ...(refused === 'InvalidArgumentError'
            ? []
            : [`2026-02-30 was not refused before sending: ${refused}`]),
          ...(isItem(withTotal) && isItem(withTotal.total) ? [] : ['withTotal=true has no total']),
          // The examples mode answers the example as written, whatever withTotal says.
          ...(examples || (isItem(without) && !('total' in without))
            ? []
            : ['withTotal=false has a total']),
        ];
        return {
          problems,
          note: `${days} day${days === 1 ? '' : 's'}${examples ? '' : ', total only when asked'}, 2026-02-30 refused`,
          shown: true,
        };
      }),
    before: 'differs',
    served: true,
    contractChecks: true,
  },
  {
    n: 9,
    title: 'a removed operation (listPurchasedMassMessages)',
    edit: removeOperation,
    operationId: 'listPurchasedMassMessages',
    inDocument: (doc) =>
      pathItem(doc, PURCHASED_PATH) ? [`${PURCHASED_PATH} is still there`] : [],
    types: {
      source: `/** @param {${CLIENT}.OFAuthClient} client */
export const purchased = (client) => client.listPurchasedMassMessages({ limit: 5 });`,
      before: 'compiles',
      after: 'fails',
    },
    call: `async ({ client, get }) => ({
  method: typeof (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (client))).listPurchasedMassMessages,
  status: await get('${PURCHASED_PATH}?limit=5').then((response) => response.status, (error) => String(error)),
})`,
    shows: (outcome, target) =>
      answered(outcome, (value) => {
        const { method, status } = (value ?? {}) as { method?: string; status?: unknown };
        // MSW has no handler for the path: the request is unhandled, which fails it.
        const msw = target.startsWith('msw');
        const gone = msw
          ? typeof status === 'string' && /MSW|unhandled/i.test(status)
          : status === 404;
        const problems = [
          ...(method === 'undefined' ? [] : [`the client still has the method (${method})`]),
          ...(gone ? [] : [`the path answered ${status}`]),
        ];
        return { problems, note: msw ? 'no handler: unhandled' : `answers ${status}`, shown: true };
      }),
    before: 'differs',
    served: false,
    contractChecks: false,
  },
];
