// The proxy's public types. Kept apart from the handler so the `./node` adapter can name the
// handler's type without pulling the handler (and the operations table) into its build.
import type { Operation } from '@ofauth-mass-messages/spec/operations';

/** A Fetch-API request handler: what Next.js route handlers, Hono, Workers and Deno call. */
export type ProxyHandler = (request: Request) => Promise<Response>;

/**
 * Where the proxy reports what it did. Console-shaped, so `console` works as is. Entries never
 * hold the API key: the proxy passes only method, path, status, duration, request id and, for a
 * failed upstream call, the error's name, message and cause (a message holding the key is left out).
 */
export interface ProxyLogger {
  /** One line per forwarded request. */
  debug?(message: string, fields: ProxyLogFields): void;
  /** The upstream could not be reached or timed out (the browser got 502 or 504). */
  warn?(message: string, fields: ProxyLogFields): void;
  /** The app's `authorize` hook threw or answered something unusable (the browser got 500). */
  error?(message: string, fields: ProxyLogFields): void;
}

export interface ProxyLogFields {
  method: string;
  /** The spec path (without the proxy's base path). */
  path: string;
  operationId?: string;
  status?: number;
  durationMs?: number;
  requestId?: string;
  /** A failed upstream call: `TypeError: fetch failed (ECONNREFUSED: connect ECONNREFUSED …)`. */
  error?: string;
}

/** What `authorize` is told about the request besides the request itself. */
export interface AuthorizeContext {
  /** The spec operation the request names, e.g. `listMassMessages`. */
  operationId: string;
  /** Its spec path, the template as the spec writes it (`/v2/…/{massMessageId}/buyers`). */
  path: string;
  /**
   * The path parameters' values, checked and typed (`{ massMessageId: 2954107733 }`): what the
   * request asks about, for a hook that decides per item. `{}` for a path without parameters.
   */
  pathParams: Readonly<Record<string, unknown>>;
}

/**
 * A connection id: forward the request for that creator. `null` or `undefined`: refuse it (401
 * with the Error body). A `Response`: send it as is (a 403, or a redirect to the app's login).
 */
export type AuthorizeResult = string | Response | null | undefined;

/**
 * The app's answer to "who is this user, and which creator may they read?", asked for every
 * request the proxy would forward. It receives the browser's request, cookies and all (which the
 * proxy never forwards), so a session check belongs here.
 */
export type Authorize = (
  request: Request,
  context: AuthorizeContext,
) => AuthorizeResult | Promise<AuthorizeResult>;

/**
 * The proxy's own token bucket per connection id (`rateLimit`). Each number left out is the
 * vendor's (90 of burst, 60 a minute: the Pay-as-you-go and Starter plans).
 */
export interface ProxyRateLimit {
  /** The burst: how many requests a full bucket allows at once. Default 90. */
  capacity?: number;
  /** Requests added back per minute, continuously. Default 60. */
  refillPerMinute?: number;
  /**
   * How many connections' buckets are kept; past it the least recently used is dropped (and
   * starts full when that creator is next served). Default 10,000.
   */
  maxConnections?: number;
}

export interface ProxyOptions {
  /**
   * The OFAuth API key, read from the server's environment (e.g. `process.env.OFAUTH_API_KEY`).
   * Sent upstream as the `apiKey` header; never in a response, an error or a log.
   */
  apiKey: string;
  /**
   * Decides, per request, whose account is read: answers the connection id to send upstream as
   * `x-connection-id`, or a refusal. Required, so serving anyone is a choice written in code; a
   * single-creator app behind its own login writes
   * `authorize: () => process.env.OFAUTH_CONNECTION_ID`.
   */
  authorize: Authorize;
  /** Where requests go: the spec's server by default, or a mock's URL. Alias: `baseUrl`. */
  upstream?: string;
  /**
   * The host names this proxy answers for (the browser's `Host`); any other is refused with 403,
   * so that a foreign site cannot reach the proxy through DNS rebinding. A leading dot lists a
   * name and its subdomains (`.example.com`). Default: loopback names only (`localhost`,
   * `*.localhost`, `127.0.0.1`, `[::1]`), like Vite's dev server; production lists its domains.
   */
  allowedHosts?: readonly string[];
  /**
   * Origins of other sites whose pages may call this proxy (`https://admin.example.com`, no
   * path). By default only the proxy's own origin is served: a request the browser marks
   * cross-site or same-site (`Sec-Fetch-Site`), or one whose `Origin` is another, is refused with
   * 403 before anything is forwarded. The proxy sends no CORS headers: a listed origin's page can
   * make the request; reading the answer cross-origin needs the app's own CORS handling.
   */
  allowedOrigins?: readonly string[];
  /** Same as `upstream`, under the client's name for it. */
  baseUrl?: string;
  /**
   * The path the proxy is mounted at, stripped before matching: with `basePath: '/api'`,
   * `GET /api/v2/access/mass-messages` is the spec's `GET /v2/access/mass-messages`. Default `''`.
   */
  basePath?: string;
  /**
   * Request headers passed on besides `accept`, e.g. `['prefer']` to pick the mock's examples and
   * error scenarios from the browser. Credential and hop-by-hop headers are refused here.
   */
  forwardHeaders?: readonly string[];
  /** The upstream call's deadline, body included; past it the browser gets 504. Default 30 s. */
  timeoutMs?: number;
  /**
   * The most bytes of the upstream's body the proxy reads, counted after decoding (fetch inflates
   * gzip): past it the read stops and the browser gets 502 `UPSTREAM_TOO_LARGE`, so a huge body
   * or a gzip bomb cannot grow the server's memory. Default 1 MiB, far above a page.
   */
  maxBodyBytes?: number;
  /** The fetch used upstream (tests, instrumentation). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Where to report requests and upstream failures. Default: nowhere. */
  logger?: ProxyLogger;
  /**
   * The operations served. Default: the spec's generated table, so a new operation in the spec
   * is served after a rebuild with no edit here. Tests pass a table built from another document.
   */
  operations?: readonly Operation[];
  /**
   * Holds one token bucket per connection id (the one `authorize` answered), so that many
   * browsers behind one creator cannot spend that creator's quota at the API: past it the proxy
   * answers 429 itself, in the API's error shape (`type: 'RATE_LIMIT_EXCEEDED'`) with
   * `X-RateLimit-*` and `Retry-After`, and calls nothing. `true` uses the vendor's numbers; a
   * smaller `{ capacity, refillPerMinute }` leaves the rest of the quota to the server's own
   * jobs. Default: off (the API alone limits).
   */
  rateLimit?: boolean | ProxyRateLimit;
}
