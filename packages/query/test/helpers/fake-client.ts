// A client double built from the operations table: it records each call and answers from an
// in-memory list of `total` items per operation, paged the way the API pages (items from
// `offset`, at most `limit`, `hasMore` when any lie beyond).
import {
  type Operation as AnyOperation,
  type OffsetPageOperation as Operation,
  operations as table,
} from '@ofauth-mass-messages/spec/operations';

const operations = (table as readonly AnyOperation[]).filter(
  (op): op is Operation => op.kind === 'page' && op.paging === 'offset',
);

import type { QueryableClient } from '../../src/types.js';

export interface Call {
  operationId: string;
  params: Record<string, unknown> | undefined;
  options: Record<string, unknown> & { signal: AbortSignal };
}

export type Answer = (call: Call, operation: Operation) => Promise<unknown>;

export function fakeClient(answer: Answer): { client: QueryableClient; calls: Call[] } {
  const calls: Call[] = [];
  const client: Record<string, unknown> = {};
  for (const operation of operations) {
    client[operation.operationId] = (params: Call['params'], options: Call['options']) => {
      const call = { operationId: operation.operationId, params, options };
      calls.push(call);
      return answer(call, operation);
    };
  }
  return { client: client as QueryableClient, calls };
}

/**
 * Answers like a server holding `total` items `{ id: 0 … total - 1 }` per operation; `cap` makes
 * it send at most that many per page whatever the limit (servers may send fewer than asked).
 */
export function pagedAnswer(total: number, cap = Number.POSITIVE_INFINITY): Answer {
  return async ({ params }, operation) => {
    const asked = (params?.limit as number | undefined) ?? operation.pageSize.default;
    const limit = Math.min(asked, cap);
    const offset = (params?.offset as number | undefined) ?? 0;
    const end = Math.min(offset + limit, total);
    const items = Array.from({ length: Math.max(0, end - offset) }, (_, i) => ({ id: offset + i }));
    return { [operation.itemsField]: items, hasMore: end < total };
  };
}

/** Never answers; rejects with the signal's reason once the call is aborted. */
export const hangingAnswer: Answer = ({ options: { signal } }) =>
  new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
