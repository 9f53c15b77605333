// The one place that knows how the published client is called. Every table operation is a
// client method named by its operationId, taking path and query parameters in one object: awaited,
// it resolves with what the operation answers (a Page of an offset-paged list, with
// hasNextPage/nextPageParams/getNextPage/iterPages; a SinglePage of a list without offset; the
// object of an object operation). The checks call an operation by its id through here, so a new
// operation in the spec needs no code in this package.
import type { Operation } from '@ofauth-mass-messages/spec';

export type QueryValues = Record<string, unknown>;

/** Any client the generator makes: `createClient()`'s, or one of another table (a fixture's). */
export type AnyClient = object;

/** The page methods of an awaited offset-paged call (the client's `Page`). */
export interface PageApi {
  hasNextPage(): boolean;
  nextPageParams(): QueryValues | null;
  getNextPage(): Promise<PageApi & Record<string, unknown>>;
  iterPages(): AsyncIterable<PageApi & Record<string, unknown>>;
}

/** What a call gives when awaited: the body, with the page methods on a page. */
export type Answer = Record<string, unknown> & Partial<PageApi>;

export interface CallOptions {
  maxItems?: number;
}

type Method = (params?: QueryValues, options?: CallOptions) => PromiseLike<Answer>;

function methodOf(client: AnyClient, operation: Operation): Method {
  // Looked up by name: the client's methods come from the same table as `operation`.
  const method = (client as Record<string, unknown>)[operation.operationId];
  if (typeof method !== 'function') {
    throw new Error(
      `The client has no method ${operation.operationId}: it was built from another spec than the checks (rebuild the client)`,
    );
  }
  return method.bind(client) as Method;
}

/** `await client[operationId](params, options)`: the page (with its methods) or the object. */
export async function call(
  client: AnyClient,
  operation: Operation,
  params: QueryValues,
  options?: CallOptions,
): Promise<Answer> {
  return methodOf(client, operation)(params, options);
}

/** The body's own fields, copied out of a Page (whose methods sit on its prototype). */
export function plain(answer: object): Record<string, unknown> {
  return { ...answer };
}

/** The page methods of an awaited offset-paged call; throws naming what is missing. */
export function pageApi(operation: Operation, answer: Answer): PageApi {
  for (const name of ['hasNextPage', 'nextPageParams', 'getNextPage', 'iterPages'] as const) {
    if (typeof answer[name] !== 'function') {
      throw new Error(`${operation.operationId}: the awaited call has no ${name}(): not a Page`);
    }
  }
  return answer as PageApi;
}
