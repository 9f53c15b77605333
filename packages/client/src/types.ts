// The client's public types. Everything per operation is computed from the generated
// openapi-typescript `operations` and the generated table (src/generated/), so an operation added
// to the spec gets a typed method here without a hand-written line.
import type { BucketOptions, RateLimitState } from '@ofauth-mass-messages/core';
import type { operations as table } from './generated/operations.js';
import type { operations } from './generated/schema.js';
import type { Logger, LogLevel } from './log.js';
import type { PagePromise } from './page-promise.js';
import type { Fetch } from './transport.js';

/** The operationId of every operation the client has a method for. */
export type OperationId = keyof typeof table & keyof operations;

/** The query parameters of an operation: `ParamsOf<'listMassMessages'>` is `{ limit?, offset?, type? }`. */
export type ParamsOf<Id extends OperationId> = NonNullable<operations[Id]['parameters']['query']>;

/** The page an operation answers with (its 200 JSON body). */
export type PageOf<Id extends OperationId> =
  operations[Id]['responses'][200]['content']['application/json'];

/** One item of an operation's page (an element of its item array, `list` or `items`). */
export type ItemOf<Id extends OperationId> = PageOf<Id>[(typeof table)[Id]['itemsField'] &
  keyof PageOf<Id>] extends readonly (infer Item)[]
  ? Item
  : never;

/** A body with the request id of the response it came from, as a non-enumerable property. */
export type WithRequestID<T> = T & { readonly _request_id?: string | null };

/** What `withResponse()` resolves to. */
export interface APIResponse<T> {
  /** The parsed body (the page). */
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
  /** `for await` only: stop after this many items (the last request asks only for what is left). */
  maxItems?: number | undefined;
  /** `for await` only: fetch the next page while the loop consumes the current one. */
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
export type MethodArgs<Id extends OperationId> =
  Partial<ParamsOf<Id>> extends ParamsOf<Id>
    ? [params?: ParamsOf<Id>, options?: RequestOptions]
    : [params: ParamsOf<Id>, options?: RequestOptions];

/**
 * One method per operation, named by its operationId. A call is awaited for one page, or looped
 * with `for await` for every item across pages.
 */
export type OFAuthClient = {
  readonly [Id in OperationId]: (...args: MethodArgs<Id>) => PagePromise<PageOf<Id>, ItemOf<Id>>;
};

/** The statuses `listMassMessages` filters by: `sent`, `unsent`, `scheduled`. */
export type MassMessageType = NonNullable<ParamsOf<'listMassMessages'>['type']>;
