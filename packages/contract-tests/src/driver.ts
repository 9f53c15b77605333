// Drives one operation through the published client the way a user calls it, so the checks can
// be written once for both operations. Only the client's own methods are used here.
import type {
  ListMassMessagesParams,
  ListPurchasedMassMessagesParams,
  MassMessageType,
  OFAuthClient,
} from '@ofauth-mass-messages/client';

export interface ListParams {
  limit?: number;
  offset?: number;
  type?: string;
}

export interface IterateParams {
  type?: string;
  pageSize?: number;
  maxItems?: number;
}

export interface ReturnedPage {
  items: unknown[];
  hasMore: boolean;
}

export interface OperationDriver {
  operationId: string;
  /** One page, as `client.listMassMessages` / `client.listPurchasedMassMessages` returns it. */
  list(params: ListParams): Promise<ReturnedPage>;
  /** Every item, as `client.iterateMassMessages` / `client.iteratePurchasedMassMessages` yields them. */
  iterate(params: IterateParams): AsyncIterable<unknown>;
}

function withoutType({ type, ...rest }: ListParams | IterateParams, operationId: string) {
  if (type !== undefined) throw new Error(`${operationId} has no "type" parameter`);
  return rest;
}

/** The driver of `operationId`; throws naming the operations it knows for any other. */
export function driverFor(client: OFAuthClient, operationId: string): OperationDriver {
  switch (operationId) {
    case 'listMassMessages':
      return {
        operationId,
        async list(params) {
          const page = await client.listMassMessages(params as ListMassMessagesParams);
          return { items: page.list, hasMore: page.hasMore };
        },
        iterate: (params) =>
          client.iterateMassMessages(params as IterateParams & { type?: MassMessageType }),
      };
    case 'listPurchasedMassMessages':
      return {
        operationId,
        async list(params) {
          const query = withoutType(params, operationId) as ListPurchasedMassMessagesParams;
          const page = await client.listPurchasedMassMessages(query);
          return { items: page.items, hasMore: page.hasMore };
        },
        iterate: (params) => client.iteratePurchasedMassMessages(withoutType(params, operationId)),
      };
    default:
      throw new Error(
        `No client method for "${operationId}"; known: listMassMessages, listPurchasedMassMessages`,
      );
  }
}
