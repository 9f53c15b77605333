// The client's public option and parameter types. Query parameters come from the generated
// `operations` (so a parameter added to the spec appears here); the rest are the client's own.
import type { Client } from 'openapi-fetch';
import type {
  MassMessage,
  MassMessagesPage,
  PurchasedMassMessage,
  PurchasedMassMessagesPage,
} from './generated/models.js';
import type { operations, paths } from './generated/schema.js';

type QueryOf<OperationId extends keyof operations> = NonNullable<
  operations[OperationId]['parameters']['query']
>;

/** Query parameters of `listMassMessages`: `limit` (1–20), `offset` (≥ 0), `type`. */
export type ListMassMessagesParams = QueryOf<'listMassMessages'>;
/** Query parameters of `listPurchasedMassMessages`: `limit` (1–100), `offset` (≥ 0). */
export type ListPurchasedMassMessagesParams = QueryOf<'listPurchasedMassMessages'>;
/** The statuses `listMassMessages` filters by: `sent`, `unsent`, `scheduled`. */
export type MassMessageType = NonNullable<ListMassMessagesParams['type']>;

/** How an iterator pages through an operation. */
export interface IterateOptions {
  /** Items per request; defaults to the endpoint's maximum (20 / 100). Out of range is refused. */
  pageSize?: number | undefined;
  /** Stop after this many items (the last request asks only for what is left). */
  maxItems?: number | undefined;
  /** Fetch the next page while the caller consumes the current one. */
  lookahead?: boolean | undefined;
}

/** `iterateMassMessages`: the list's filters (not `limit`/`offset`: the iterator sets them). */
export type IterateMassMessagesParams = Omit<ListMassMessagesParams, 'limit' | 'offset'> &
  IterateOptions;
/** `iteratePurchasedMassMessages`: only paging options. */
export type IteratePurchasedMassMessagesParams = Omit<
  ListPurchasedMassMessagesParams,
  'limit' | 'offset'
> &
  IterateOptions;

/** Per-call overrides. */
export interface RequestOptions {
  /** Cancels the call at once, a wait before a retry included (→ APIUserAbortError). */
  signal?: AbortSignal | undefined;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, on 429, 5xx, timeouts and connection errors. */
  maxRetries?: number | undefined;
  /** Extra request headers, e.g. `{ Prefer: 'code=429' }` for a Prism mock. */
  headers?: Record<string, string> | undefined;
}

export interface ClientOptions {
  /** Your OFAuth API key, sent as the `apiKey` header. Never shown in errors or logs. */
  apiKey: string;
  /** The connection whose account is read, sent as the `x-connection-id` header. */
  connectionId: string;
  /** Defaults to the spec's server, `https://api-next.ofauth.com`. */
  baseUrl?: string | undefined;
  /** A fetch implementation (tests, proxies, old runtimes); defaults to the global fetch. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Per attempt, in milliseconds; default 60 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number | undefined;
}

export interface OFAuthClient {
  /** One page of the connected account's mass messages (`GET /v2/access/mass-messages`). */
  listMassMessages(
    params?: ListMassMessagesParams,
    options?: RequestOptions,
  ): Promise<MassMessagesPage>;
  /** One page of purchased mass messages (`GET /v2/access/analytics/mass-messages/purchased`). */
  listPurchasedMassMessages(
    params?: ListPurchasedMassMessagesParams,
    options?: RequestOptions,
  ): Promise<PurchasedMassMessagesPage>;
  /** Every mass message, page after page: `for await (const m of client.iterateMassMessages())`. */
  iterateMassMessages(
    params?: IterateMassMessagesParams,
    options?: RequestOptions,
  ): AsyncGenerator<MassMessage, void, undefined>;
  /** Every purchased mass message, page after page. */
  iteratePurchasedMassMessages(
    params?: IteratePurchasedMassMessagesParams,
    options?: RequestOptions,
  ): AsyncGenerator<PurchasedMassMessage, void, undefined>;
  /** The underlying openapi-fetch client: same headers, retries, timeouts and errors. */
  readonly raw: Client<paths>;
}
