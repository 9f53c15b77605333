// createClient: one method per operationId over openapi-fetch, argument checks before sending,
// and iterators. Sending (timeouts, retries, errors, the page-shape check) is transport.ts.
import createFetchClient from 'openapi-fetch';
import { checkCount, checkParams, invalid, type ParameterRule } from './arguments.js';
import { defaultBaseUrl, operations } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import { type PageFetcher, paginate } from './paginate.js';
import { transport } from './transport.js';
import type { ClientOptions, IterateOptions, OFAuthClient, RequestOptions } from './types.js';

type OperationId = keyof typeof operations;
type Page = Awaited<ReturnType<PageFetcher<unknown>>>;
type List = (params?: object, call?: RequestOptions) => Promise<Page>;

// The iterator's own options, checked like query parameters.
const ITERATE_RULES: Readonly<Record<string, ParameterRule>> = {
  maxItems: { type: 'integer', minimum: 0, allowed: 'an integer >= 0' },
  lookahead: { type: 'boolean', allowed: 'a boolean' },
};

export function createClient(options: ClientOptions): OFAuthClient {
  const {
    apiKey,
    connectionId,
    baseUrl = defaultBaseUrl,
    fetch,
    timeoutMs,
    maxRetries,
  } = options ?? ({} as ClientOptions);
  for (const [name, value] of [
    ['apiKey', apiKey],
    ['connectionId', connectionId],
  ]) {
    // No value in the message: one of them is the API key.
    if (typeof value !== 'string' || !value) invalid(name as string, 'a non-empty string');
  }
  if (fetch !== undefined && typeof fetch !== 'function') invalid('fetch', 'a function');
  try {
    new URL(baseUrl);
  } catch {
    invalid('baseUrl', 'an absolute URL', '', baseUrl);
  }

  /**
   * The fetch openapi-fetch uses for a call: the transport with the call's overrides over the
   * client's options, checked here (at creation for the client's own, before sending for a
   * call's). `field` makes it check the page of a list method, which `keep` receives parsed.
   */
  const fetchFor = (call: RequestOptions, field?: string, keep?: (page: unknown) => void) => {
    const attemptMs = call.timeoutMs ?? timeoutMs ?? 60_000;
    const retries = call.maxRetries ?? maxRetries ?? 2;
    checkCount('timeoutMs', attemptMs, 1);
    checkCount('maxRetries', retries, 0);
    return transport(fetch, apiKey, attemptMs, retries, field, keep);
  };
  // Every request, raw ones included, goes through the transport.
  const raw = createFetchClient<paths>({
    baseUrl,
    headers: { apiKey, 'x-connection-id': connectionId },
    fetch: fetchFor({}),
  });

  /**
   * The method of one operation: check, send; the transport checks the page (`field` holds its
   * items) and hands it over parsed, so openapi-fetch is told not to read the body (`stream`).
   */
  const list =
    (operationId: OperationId, field: string): List =>
    async (params, call = {}) => {
      const { path, query } = operations[operationId];
      checkParams(operationId, params, query);
      const { signal, headers } = call;
      let page: unknown;
      // The paths are literals of the generated `paths`; the union of two just needs the cast.
      await raw.GET(
        path as never,
        {
          params: { query: params },
          fetch: fetchFor(call, field, (body) => {
            page = body;
          }),
          parseAs: 'stream',
          signal,
          headers,
        } as never,
      );
      return page as Page;
    };

  /** The iterator of one operation; its arguments are checked when it is called. */
  const iterate =
    (operationId: OperationId, field: string, fetchList: List) =>
    (params: IterateOptions = {}, call: RequestOptions = {}) => {
      // The iterator sets limit and offset itself; its own options take their place.
      const { limit, offset: _offset, ...filterRules } = operations[operationId].query;
      checkParams(operationId, params, { ...filterRules, pageSize: limit, ...ITERATE_RULES });
      const { pageSize = limit.maximum, maxItems = Infinity, lookahead, ...filters } = params;
      return paginate(
        (offset, size, signal) =>
          fetchList({ ...filters, offset, limit: size }, { ...call, signal }),
        field,
        pageSize,
        maxItems,
        lookahead,
        call.signal,
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
