// createClient: one method per operation of the generated table, all made by one generic
// function. A method checks its arguments, builds the URL and calls the transport directly; the
// page is parsed once, here. Types come from the generated openapi-typescript `operations`.
import { check, OPTION_RULES } from './arguments.js';
import { resolveConfig } from './config.js';
import { InvalidResponseError } from './errors.js';
import { operations } from './generated/operations.js';
import { type LoadPage, PagePromise } from './page-promise.js';
import { send } from './transport.js';
import type { ClientOptions, OFAuthClient, RequestOptions } from './types.js';

type Page = Record<string, unknown>;

export function createClient(options?: ClientOptions): OFAuthClient {
  const config = resolveConfig(options);

  /** The method of one operation (the same code for each: only the table's facts differ). */
  const method = (operationId: keyof typeof operations) => {
    const { path, itemsField, maxPageSize, query } = operations[operationId];
    const rules = Object.values(query);
    const where = `${operationId}: `;
    return (params: Record<string, unknown> = {}, call: RequestOptions = {}) => {
      const load: LoadPage<Page> = async (paging) => {
        const {
          signal,
          headers,
          timeoutMs = config.timeoutMs,
          maxRetries = config.maxRetries,
        } = call;
        check(where, rules, params);
        check(where, OPTION_RULES, { timeoutMs, maxRetries });
        // Paging replaces offset and limit; null and undefined mean "the API's default".
        const values = paging ? { ...params, offset: paging.offset, limit: paging.limit } : params;
        let search = '';
        for (const name in values) {
          const value = values[name];
          if (value != null) {
            search += `${search ? '&' : '?'}${name}=${encodeURIComponent(value as string)}`;
          }
        }
        const { response, text, requestId } = await send(
          config.transport,
          config.baseUrl + path + search,
          { signal: paging?.signal ?? signal, headers, timeoutMs, maxRetries },
        );
        let data: Page | undefined;
        try {
          data = JSON.parse(text);
        } catch {
          // Not JSON: refused below like any body that is not a page.
        }
        if (!Array.isArray(data?.[itemsField]) || typeof data?.hasMore !== 'boolean') {
          throw new InvalidResponseError(
            'GET',
            path,
            response.status,
            requestId,
            `answered ${response.status} with a body that is not a page ("${itemsField}" array, "hasMore" boolean)`,
          );
        }
        // Non-enumerable, like openai-node's: there for support tickets, absent from JSON.
        Object.defineProperty(data, '_request_id', { value: requestId });
        return { data, response, requestId };
      };
      return new PagePromise<Page, unknown>(load, () => {
        const { maxItems = Infinity, lookahead, signal } = call;
        check(where, OPTION_RULES, {
          maxItems: maxItems === Infinity ? undefined : maxItems,
          lookahead,
        });
        const { offset, limit } = params;
        return {
          field: itemsField,
          start: typeof offset === 'number' ? offset : 0,
          pageSize: typeof limit === 'number' ? limit : maxPageSize,
          maxItems,
          lookahead,
          signal,
        };
      });
    };
  };

  const client: Record<string, ReturnType<typeof method>> = {};
  for (const operationId of Object.keys(operations) as (keyof typeof operations)[]) {
    client[operationId] = method(operationId);
  }
  // The one assertion: the methods above are generic at run time; OFAuthClient types each one
  // by its operationId from the generated `operations`.
  return client as OFAuthClient;
}
