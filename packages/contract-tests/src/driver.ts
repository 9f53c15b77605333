// The one place that knows how the published client is called. Every table operation is a
// client method named by its operationId: awaited, it gives the page body; looped with
// `for await`, every item across pages. The checks call an operation by its id through here,
// so a new operation in the spec needs no code in this package.
import type { OFAuthClient } from '@ofauth-mass-messages/client';
import type { OffsetPageOperation as Operation } from '@ofauth-mass-messages/spec';

export type QueryValues = Record<string, unknown>;

/** The shape of every list method: a page when awaited, the items when iterated. */
type ListCall = (
  params?: QueryValues,
  options?: { maxItems?: number },
) => PromiseLike<unknown> & AsyncIterable<unknown>;

function methodOf(client: OFAuthClient, operation: Operation): ListCall {
  // Looked up by name: the client's methods come from the same table as `operation`.
  const method = (client as unknown as Record<string, unknown>)[operation.operationId];
  if (typeof method !== 'function') {
    throw new Error(
      `The client has no method ${operation.operationId}: it was built from another spec than the checks (rebuild the client)`,
    );
  }
  return method.bind(client) as ListCall;
}

/**
 * One page, as `await client[operationId](params)` returns it: its body's fields, copied out of
 * the client's Page (whose page methods sit on its prototype) so checks compare plain data.
 */
export async function listPage(
  client: OFAuthClient,
  operation: Operation,
  params: QueryValues,
): Promise<Record<string, unknown>> {
  return { ...((await methodOf(client, operation)(params)) as Record<string, unknown>) };
}

/**
 * Every item, as `for await (const item of client[operationId](params, { maxItems }))` yields
 * them; `params.limit` is the page size.
 */
export function iterateItems(
  client: OFAuthClient,
  operation: Operation,
  params: QueryValues,
  maxItems: number,
): AsyncIterable<unknown> {
  return methodOf(client, operation)(params, { maxItems });
}
