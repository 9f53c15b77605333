// createClient: one method per operationId over openapi-fetch, argument checks before sending,
// a page-shape check after, and iterators. Sending (timeouts, retries, errors) is transport.ts.
import createFetchClient from 'openapi-fetch';
import { checkCount, checkParams, invalid, type ParameterRule } from './arguments.js';
import { InvalidResponseError } from './errors.js';
import { defaultBaseUrl, operations } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import { paginate } from './paginate.js';
import { send } from './transport.js';
import type { ClientOptions, IterateOptions, OFAuthClient, RequestOptions } from './types.js';

type OperationId = keyof typeof operations;
type Rules = Readonly<Record<string, ParameterRule>>;
type Page = { hasMore: boolean } & Record<string, unknown>;
type List = (params?: object, call?: RequestOptions) => Promise<Page>;

function checkCallOptions(call: RequestOptions): void {
  checkCount('timeoutMs', call.timeoutMs, 1);
  checkCount('maxRetries', call.maxRetries, 0);
}

export function createClient(options: ClientOptions): OFAuthClient {
  const {
    apiKey,
    connectionId,
    baseUrl = defaultBaseUrl,
    fetch = (request: Request) => globalThis.fetch(request),
    timeoutMs = 60_000,
    maxRetries = 2,
  } = options ?? ({} as ClientOptions);
  if (typeof apiKey !== 'string' || !apiKey) invalid('apiKey', 'a non-empty string');
  if (typeof connectionId !== 'string' || !connectionId) {
    invalid('connectionId', 'a non-empty string');
  }
  if (typeof fetch !== 'function') invalid('fetch', 'a function');
  try {
    new URL(baseUrl);
  } catch {
    invalid('baseUrl', 'an absolute URL such as http://127.0.0.1:4010', '', baseUrl);
  }
  checkCallOptions({ timeoutMs, maxRetries });

  // Every request, raw ones included, goes through `send`, with the call's overrides if any.
  const transport = (call: RequestOptions) => (request: Request) =>
    send(request, {
      fetch,
      secret: apiKey,
      timeoutMs: call.timeoutMs ?? timeoutMs,
      maxRetries: call.maxRetries ?? maxRetries,
    });
  const raw = createFetchClient<paths>({
    baseUrl,
    headers: { apiKey, 'x-connection-id': connectionId },
    fetch: transport({}),
  });

  /** The method of one operation: check, send, check the page (`field` holds its items). */
  const list =
    (operationId: OperationId, field: string): List =>
    async (params, call = {}) => {
      const { path, query } = operations[operationId];
      checkParams(operationId, params, query);
      checkCallOptions(call);
      const init = {
        params: { query: params },
        fetch: transport(call),
        signal: call.signal,
        headers: call.headers,
      };
      // The paths are literals of the generated `paths`; the union of two just needs the cast.
      const { data, response } = (await raw.GET(path as never, init as never)) as {
        data?: Page;
        response: Response;
      };
      if (!Array.isArray(data?.[field]) || typeof data?.hasMore !== 'boolean') {
        const { status } = response;
        throw new InvalidResponseError(
          `GET ${path} returned ${status} with a body that is not a page (no "${field}" array and "hasMore" boolean)`,
          { method: 'GET', path, status },
        );
      }
      return data;
    };

  /** The iterator of one operation; its arguments are checked when it is called. */
  const iterate =
    (operationId: OperationId, field: string, fetchList: List) =>
    (params: IterateOptions = {}, call: RequestOptions = {}) => {
      // The iterator sets limit and offset itself; its own options take their place.
      const { limit, offset: _offset, ...filterRules } = operations[operationId].query as Rules;
      const pageRule = limit as ParameterRule;
      checkParams(operationId, params, {
        ...filterRules,
        pageSize: pageRule,
        maxItems: { type: 'integer', minimum: 0, allowed: 'an integer >= 0' },
        lookahead: { type: 'boolean', allowed: 'a boolean' },
      });
      const { pageSize, maxItems, lookahead, ...filters } = params;
      return paginate(
        (offset, size, signal) =>
          fetchList({ ...filters, offset, limit: size }, { ...call, signal }),
        field,
        {
          pageSize: pageSize ?? (pageRule.maximum as number),
          maxItems: maxItems ?? Number.POSITIVE_INFINITY,
          lookahead,
          signal: call.signal,
        },
      );
    };

  const listMassMessages = list('listMassMessages', 'list');
  const listPurchasedMassMessages = list('listPurchasedMassMessages', 'items');
  return {
    raw,
    listMassMessages,
    listPurchasedMassMessages,
    iterateMassMessages: iterate('listMassMessages', 'list', listMassMessages),
    iteratePurchasedMassMessages: iterate(
      'listPurchasedMassMessages',
      'items',
      listPurchasedMassMessages,
    ),
  } as unknown as OFAuthClient;
}
