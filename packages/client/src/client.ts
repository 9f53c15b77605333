// createClient: one method per operation of the generated table, all made by one generic
// function; what differs between operations is the table's facts. A method checks its arguments
// with core's one parameter check, fills the path and writes the query in core's canonical text,
// calls the transport directly, and parses the body once, here, by the operation's kind:
// - a page paged by offset: a Page (hasNextPage, getNextPage, iterPages), and the call iterates;
// - a page without offset: a single page (hasNextPage() false), and the call does not iterate;
// - one object: the object, and the call does not iterate.
// Types come from the generated openapi-typescript `operations` (types.ts).
import { fillPath, queryString } from '@ofauth-mass-messages/core';
import { apiPromise } from './api-promise.js';
import { CALL_RULES, checkArgs, checkOpts, ITERATION_RULES } from './arguments.js';
import { resolveConfig } from './config.js';
import { InvalidResponseError } from './errors.js';
import { operations } from './generated/operations.js';
import { toPage, toSinglePage, walk } from './page.js';
import { pagePromise } from './page-promise.js';
import { send } from './transport.js';
import type {
  APIResponse,
  ClientOptions,
  OFAuthClient,
  RequestOptions,
  Table,
  TableEntry,
} from './types.js';

type Body = Record<string, unknown>;
type Values = Record<string, unknown> & { offset?: number | null; limit?: number | undefined };

export function createClient(options?: ClientOptions): OFAuthClient {
  // The one assertion: the methods are generic at run time; OFAuthClient types each one by its
  // operationId from the generated `operations`.
  return clientOf(operations, options) as unknown as OFAuthClient;
}

/** The client of any table the generator writes (the tests' fixture table too), untyped. */
export function clientOf(table: Table, options?: ClientOptions) {
  const config = resolveConfig(options);

  /** The method of one operation. */
  const method = (operationId: string) => {
    const {
      kind,
      paging,
      path,
      itemsField = '',
      pageSize,
      params: byName,
    } = table[operationId] as TableEntry;
    const rules = Object.values(byName);
    const query = rules.filter((rule) => rule.in === 'query');
    const where = `${operationId}: `;
    return (params: Values = {}, call: RequestOptions = {}) => {
      const { signal, lookahead } = call;
      const maxItems = call.maxItems ?? Infinity;

      /** Refuses bad arguments before anything is sent: when awaited, and when a loop starts. */
      const checkCall = () => {
        checkArgs(rules, params, where);
        checkOpts(paging === 'offset' ? ITERATION_RULES : CALL_RULES, call, where);
      };

      /** Sends the call with `values` (paging may replace its offset and limit); parses the body. */
      const load = async (values: Values, loopSignal = signal): Promise<APIResponse<Body>> => {
        checkCall();
        const { response, text, requestId, rateLimit } = await send(
          config.transport,
          config.baseUrl + fillPath(path, rules, values) + queryString(query, values),
          { ...call, signal: loopSignal },
        );
        let data: Body | undefined;
        try {
          data = JSON.parse(text);
        } catch {
          // Not JSON: refused below like any body of another shape.
        }
        const invalid = (message: string) =>
          new InvalidResponseError('GET', path, response.status, requestId, message);
        if (kind === 'page') {
          const items = data?.[itemsField];
          if (!Array.isArray(items) || typeof data?.hasMore !== 'boolean') {
            throw invalid(`answered with no page ("${itemsField}" array, "hasMore" boolean)`);
          }
          // Without a limit the API applies its default; no page may hold more than the maximum.
          const asked = values.limit ?? pageSize?.maximum ?? Infinity;
          if (items.length > asked) {
            throw invalid(
              `answered with ${items.length} items in "${itemsField}", more than the ${asked} asked for`,
            );
          }
        } else if (Object(data) !== data || Array.isArray(data)) {
          throw invalid('answered with no JSON object');
        }
        const body = data as Body;
        // Non-enumerable, like openai-node's: there for support tickets, absent from JSON.
        Object.defineProperty(body, '_request_id', { value: requestId });
        return { data: body, response, requestId, rateLimit };
      };

      if (paging !== 'offset') {
        return apiPromise(async () => {
          const sent = await load(params);
          if (kind === 'page') toSinglePage(sent.data);
          return sent;
        });
      }

      /**
       * Sends the page of `values` and links it to the next: `offset` moved past its items,
       * `limit` kept, lowered to what `maxItems` leaves (`left`, after this page's items).
       */
      const pageOf = async (values: Values, left: number, loopSignal = signal) => {
        const sent = await load(values, loopSignal);
        const all = sent.data[itemsField] as unknown[];
        const items = all.slice(0, left);
        left -= items.length;
        const next: Values = { ...values, offset: (values.offset ?? 0) + all.length };
        next.limit =
          left < Infinity
            ? Math.min(values.limit ?? pageSize?.default ?? left, left)
            : values.limit;
        if (next.limit === undefined) delete next.limit;
        toPage(sent.data, {
          items,
          params: sent.data.hasMore && all.length && left ? next : undefined,
          next: async (s) => (await pageOf(next, left, s)).data,
          signal,
          lookahead,
          where,
        });
        return sent;
      };

      return pagePromise(
        () => pageOf(params, maxItems),
        () =>
          walk(
            (loopSignal) => {
              checkCall();
              // Full pages (the operation's maximum unless the call sets a limit) from offset 0.
              const first: Values = { ...params, offset: params.offset ?? 0 };
              first.limit = Math.min(params.limit ?? (pageSize?.maximum as number), maxItems);
              return maxItems > 0
                ? pageOf(first, maxItems, loopSignal).then((sent) => sent.data)
                : undefined;
            },
            signal,
            lookahead,
          ),
      );
    };
  };

  const client: Record<string, ReturnType<typeof method>> = {};
  for (const operationId of Object.keys(table)) client[operationId] = method(operationId);
  return client;
}
