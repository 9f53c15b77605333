// The client's public types. Everything per operation is computed from the generated
// openapi-typescript `operations` and the generated table (src/generated/), so an operation added
// to the spec gets a typed method here without a hand-written line. The computations are generic
// over both (`ClientOf<operations, table>`), so the tests type a fixture's client the same way.

import type { BucketOptions, RateLimitState } from '@ofauth-mass-messages/core';
import type { ParamRule } from '@ofauth-mass-messages/spec';
import type { APIPromise } from './api-promise.js';
import type { operations as table } from './generated/operations.js';
import type { operations } from './generated/schema.js';
import type { Logger, LogLevel } from './log.js';
import type { Page, SinglePage } from './page.js';
import type { PagePromise } from './page-promise.js';
import type { Fetch } from './transport.js';

/** One operation of the generated table: what the one generic method reads of it. */
export interface TableEntry {
  /** `page` (an item array beside `hasMore`) or `object` (any other body). */
  readonly kind: 'page' | 'object';
  /** A page's paging: by `offset` (iterable), or `none` (one page per call). */
  readonly paging?: 'offset' | 'none';
  /** A page's item array: `list`, `items`. */
  readonly itemsField?: string;
  /** `limit`'s maximum and default, when it has them (always, with offset paging). */
  readonly pageSize?: { readonly maximum?: number; readonly default?: number };
  /** The path template: `/v2/access/analytics/mass-messages/{massMessageId}/buyers`. */
  readonly path: string;
  /** Path parameters, then query parameters, by name. */
  readonly params: Readonly<Record<string, ParamRule>>;
}

/** The generated table: every operation by operationId. */
export type Table = Readonly<Record<string, TableEntry>>;

/** What the types read of an operation of openapi-typescript's `operations`. */
interface SchemaOperation {
  parameters: { query?: unknown; path?: unknown };
}

/** `{}` for a location without parameters (openapi-typescript types it `never`). */
type Defined<T> = [NonNullable<T>] extends [never] ? unknown : NonNullable<T>;
/** One object type of an intersection, as editors show it. */
type Flat<T> = { [K in keyof T]: T[K] };

/** An operation's parameters, path and query together, from openapi-typescript's `operations`. */
export type ParamsIn<Op> = Op extends SchemaOperation
  ? Flat<Defined<Op['parameters']['path']> & Defined<Op['parameters']['query']>>
  : never;

/** An operation's 200 JSON body. */
export type BodyIn<Op> = Op extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/** One item of a page's item array (`never` for an object operation). */
export type ItemIn<Body, Entry> = Entry extends { itemsField: infer Field }
  ? Field extends keyof Body
    ? Body[Field] extends readonly (infer Item)[]
      ? Item
      : never
    : never
  : never;

/** What a call returns: a PagePromise (offset pages), else an APIPromise of the page or object. */
export type CallIn<Op, Entry> = Entry extends { paging: 'offset' }
  ? PagePromise<
      Page<BodyIn<Op>, ItemIn<BodyIn<Op>, Entry>, ParamsIn<Op>>,
      ItemIn<BodyIn<Op>, Entry>
    >
  : Entry extends { kind: 'page' }
    ? APIPromise<SinglePage<BodyIn<Op>>>
    : APIPromise<BodyIn<Op>>;

/** A call's options: `maxItems` and `lookahead` only where there is an iteration. */
export type OptionsIn<Entry> = Entry extends { paging: 'offset' }
  ? RequestOptions
  : Omit<RequestOptions, 'maxItems' | 'lookahead'>;

/** A method's arguments: params optional when every parameter is (no path parameter). */
export type ArgsIn<Op, Entry> =
  Partial<ParamsIn<Op>> extends ParamsIn<Op>
    ? [params?: ParamsIn<Op>, options?: OptionsIn<Entry>]
    : [params: ParamsIn<Op>, options?: OptionsIn<Entry>];

/** The client of a table and its openapi-typescript `operations`: one method per operationId. */
export type ClientOf<Ops, T> = {
  readonly [Id in keyof T & keyof Ops]: (...args: ArgsIn<Ops[Id], T[Id]>) => CallIn<Ops[Id], T[Id]>;
};

/** The operationId of every operation the client has a method for. */
export type OperationId = keyof typeof table & keyof operations;

/**
 * An operation's parameters, path and query together:
 * `ParamsOf<'listMassMessages'>` is `{ limit?, offset?, type? }`.
 */
export type ParamsOf<Id extends OperationId> = ParamsIn<operations[Id]>;

/** The body an operation answers with (its 200 JSON body): a page's fields, or the object. */
export type BodyOf<Id extends OperationId> = BodyIn<operations[Id]>;

/** The page an operation answers with (its 200 JSON body): `BodyOf`, the name paging code reads. */
export type PageOf<Id extends OperationId> = BodyOf<Id>;

/** One item of an operation's page (an element of its item array, `list` or `items`). */
export type ItemOf<Id extends OperationId> = ItemIn<BodyOf<Id>, (typeof table)[Id]>;

/** What awaiting a call resolves with: a Page, a SinglePage, or the object, with its request id. */
export type ResultOf<Id extends OperationId> = Awaited<ReturnType<OFAuthClient[Id]>>;

/** A body with the request id of the response it came from, as a non-enumerable property. */
export type WithRequestID<T> = T & { readonly _request_id?: string | null };

/** What `withResponse()` resolves to. */
export interface APIResponse<T> {
  /** The parsed body (the page, or the object). */
  data: WithRequestID<T>;
  /** The HTTP response: status and headers (its body has been read). */
  response: Response;
  /** The `x-request-id` the API answered with, to quote to its support; null without one. */
  requestId: string | null;
  /**
   * What the response's `X-RateLimit-Limit`, `-Remaining` and `-Reset` said (`resetAt` in epoch
   * milliseconds: when the connection's bucket is full again); null when it sent none.
   */
  rateLimit: RateLimitState | null;
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the call at once, a wait before a retry and a look-ahead included (→ APIUserAbortError). */
  signal?: AbortSignal | undefined;
  /** Extra request headers, e.g. `{ Prefer: 'code=429' }` for a Prism mock. */
  headers?: Record<string, string> | undefined;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, on 429, 5xx, timeouts and connection errors; at most 10. */
  maxRetries?: number | undefined;
  /** The longest response body read, in bytes (→ ResponseTooLargeError past it). */
  maxResponseBytes?: number | undefined;
  /**
   * Offset-paged operations: the most items the call's pages hold in all, whether iterated or
   * followed with getNextPage() (the last request asks only for what is left).
   */
  maxItems?: number | undefined;
  /** Offset-paged operations: in a loop, fetch the next page while the current one is consumed. */
  lookahead?: boolean | undefined;
}

/** The options every client takes, whoever holds the credentials. */
export interface CommonOptions {
  /**
   * Defaults to the spec's server. A proxy's URL (absolute, or relative like `/api` in a browser,
   * resolved against the page's origin) needs no apiKey: the proxy adds the credentials.
   */
  baseUrl?: string | undefined;
  /**
   * A fetch implementation (tests, proxies, old runtimes), called like the platform's:
   * `fetch(url, { headers, signal })`; it must honour the signal. Defaults to the global fetch.
   */
  fetch?: Fetch | undefined;
  /** Per attempt, in milliseconds; default 60 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt; default 2, at most 10. */
  maxRetries?: number | undefined;
  /**
   * The longest response body read, in bytes, error bodies included; default 8 MiB. Past it the
   * body is cut off (→ ResponseTooLargeError), unread when its content-length says so.
   */
  maxResponseBytes?: number | undefined;
  /** Where log lines go; default `console`. */
  logger?: Logger | undefined;
  /** `debug` writes one line per attempt; default `OFAUTH_LOG` from the environment, else `warn`. */
  logLevel?: LogLevel | undefined;
  /** Debug lines carry the response body (redacted); default false. */
  logBodies?: boolean | undefined;
  /**
   * Waits for the connection's turn instead of tripping the API's 429: a token bucket per
   * connection id (one through a proxy), shared by every call of this client, that adopts the
   * `X-RateLimit-*` headers the API answers with. `true` takes the vendor's numbers for the
   * Pay-as-you-go and Starter plans (a burst of 90, 60 a minute); pass `{ capacity,
   * refillPerMinute }` for others. Off by default (the Launch plan has no OFAuth cap).
   */
  rateLimit?: boolean | Partial<BucketOptions> | undefined;
  /**
   * Lets a browser page hold the API key. Anyone who opens the page can read it: use this only
   * for a key that reads nothing of value (a mock's, a sandbox's).
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/**
 * The client's options: the credentials (server side), or none and the `baseUrl` of a proxy that
 * adds them (`@ofauth-mass-messages/proxy`; the way a browser calls the API).
 */
export type ClientOptions = CommonOptions &
  (
    | {
        /** Your OFAuth API key, sent as the `apiKey` header. Never shown in errors or logs. */
        apiKey: string;
        /** The connection whose account is read, sent as `x-connection-id`. */
        connectionId: string;
      }
    | { apiKey?: undefined; connectionId?: undefined; baseUrl: string }
  );

/** The arguments of an operation's method: params optional when every parameter is. */
export type MethodArgs<Id extends OperationId> = ArgsIn<operations[Id], (typeof table)[Id]>;

/**
 * One method per operation, named by its operationId. A call is awaited for a page (or the
 * operation's object); a call of an offset-paged operation is also looped with `for await` for
 * every item, or with `for await` over `iterPages()` for every page.
 */
export type OFAuthClient = ClientOf<operations, typeof table>;

/** The statuses `listMassMessages` filters by: `sent`, `unsent`, `scheduled`. */
export type MassMessageType = NonNullable<ParamsOf<'listMassMessages'>['type']>;
