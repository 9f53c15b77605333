// createClient: one method per operation of the generated table, all made by one generic
// function. A method checks its arguments, builds the URL and calls the transport directly; the
// page is parsed once, here. Types come from the generated openapi-typescript `operations`.
import { check, OPTION_RULES } from './arguments.js';
import { resolveConfig } from './config.js';
import { InvalidResponseError } from './errors.js';
import { operations } from './generated/operations.js';
import { pagePromise } from './page-promise.js';
import { paginate } from './paginate.js';
import { send } from './transport.js';
import type { APIResponse, ClientOptions, OFAuthClient, RequestOptions } from './types.js';

type Page = Record<string, unknown>;

export function createClient(options?: ClientOptions): OFAuthClient {
  // The one assertion: the methods are generic at run time; OFAuthClient types each one by its
  // operationId from the generated `operations`.
  return clientOf(operations, options) as OFAuthClient;
}

/** The client of any table the generator wrote (the tests' fixture table included). */
export function clientOf(table: typeof operations, options?: ClientOptions) {
  const config = resolveConfig(options);

  /** The method of one operation (the same code for each: only the table's facts differ). */
  const method = (operationId: keyof typeof operations) => {
    const { path, itemsField, params: rules_, pageSize } = table[operationId];
    const rules = Object.values(rules_);
    const where = `${operationId}: `;
    return (params: Page = {}, call: RequestOptions = {}) => {
      const { signal, timeoutMs, maxRetries, maxResponseBytes, maxItems, lookahead } = call;

      /** Refuses bad arguments before anything is sent: when awaited, and when a loop starts. */
      const checkCall = () => {
        check(rules, params, where);
        check(
          OPTION_RULES,
          { timeoutMs, maxRetries, maxResponseBytes, maxItems, lookahead },
          where,
        );
      };

      /** Sends the call; paging replaces its offset and limit, with the loop's signal. */
      const load = async (
        paging?: { offset: number; limit: number },
        loopSignal = signal,
      ): Promise<APIResponse<Page>> => {
        checkCall();
        // null and undefined mean "the API's default": left out.
        const values: Page = { ...params, ...paging };
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
          { ...call, signal: loopSignal },
        );
        let data: Page | undefined;
        try {
          data = JSON.parse(text);
        } catch {
          // Not JSON: refused below like any body that is not a page.
        }
        const invalid = (message: string) =>
          new InvalidResponseError('GET', path, response.status, requestId, message);
        const items = data?.[itemsField];
        if (!Array.isArray(items) || typeof data?.hasMore !== 'boolean') {
          throw invalid(`answered with no page ("${itemsField}" array, "hasMore" boolean)`);
        }
        // Without a limit the API applies its default; no page may hold more than the maximum.
        const asked = (values.limit as number | undefined) ?? pageSize.maximum;
        if (items.length > asked) {
          throw invalid(
            `answered with ${items.length} items in "${itemsField}", more than the ${asked} asked for`,
          );
        }
        // Non-enumerable, like openai-node's: there for support tickets, absent from JSON.
        Object.defineProperty(data, '_request_id', { value: requestId });
        return { data, response, requestId };
      };

      const { offset, limit } = params;
      return pagePromise<Page, unknown>(load, () => {
        checkCall();
        return paginate(
          async (offset, limit, signal) => (await load({ offset, limit }, signal)).data,
          itemsField,
          // Bad values never reach a request: the first load's check refuses them.
          (offset as number | null | undefined) ?? 0,
          (limit as number | undefined) ?? pageSize.maximum,
          maxItems ?? Infinity,
          lookahead,
          signal,
        );
      });
    };
  };

  const client: Record<string, ReturnType<typeof method>> = {};
  for (const operationId of Object.keys(table) as (keyof typeof operations)[]) {
    client[operationId] = method(operationId);
  }
  return client;
}
