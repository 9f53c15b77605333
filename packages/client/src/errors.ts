// Every error the client throws, all sharing OFAuthError, so one `instanceof` catches them all.
// Each constructor takes its fields as typed parameters. None of them holds the request (its
// headers carry the API key): only method and path. Fields are `declare`d and assigned in the
// constructor (not parameter properties, which emit each field twice): this ships to browsers.
import { readErrorBody } from '@ofauth-mass-messages/core';
import type { ErrorType } from './generated/models.js';

export class OFAuthError extends Error {
  override name = 'OFAuthError';
}

/** An argument or option failed its check before any request was sent. */
export class InvalidArgumentError extends OFAuthError {
  override name = 'InvalidArgumentError';
  /** The parameter or option at fault, e.g. `limit`, `maxItems`, `apiKey`. */
  declare readonly parameter: string;
  /** What it accepts, e.g. `an integer from 1 to 20`. */
  declare readonly allowed: string;
  constructor(message: string, parameter: string, allowed: string) {
    super(message);
    this.parameter = parameter;
    this.allowed = allowed;
  }
}

/** The message of an error about a request: what happened, then which request. */
const about = (message: string, method: string, path: string) => `${message} (${method} ${path})`;

/** An error about one request: its method and path (never its headers). */
abstract class RequestError extends OFAuthError {
  declare readonly method: string;
  declare readonly path: string;
  constructor(method: string, path: string, message: string, options?: ErrorOptions) {
    super(about(message, method, path), options);
    this.method = method;
    this.path = path;
  }
}

/** The fetch itself failed: DNS, refused connection, reset, CORS… Retried. */
export class APIConnectionError extends RequestError {
  override name = 'APIConnectionError';
}

/** No complete response within `timeoutMs` (per attempt). Retried like a connection error. */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
}

/** The caller's `signal` aborted the request, or the wait before a retry. Never retried. */
export class APIUserAbortError extends RequestError {
  override name = 'APIUserAbortError';
}

/** A 2xx response whose body is not JSON, or not the page the spec describes; or any too long. */
export class InvalidResponseError extends RequestError {
  override name = 'InvalidResponseError';
  declare readonly status: number;
  /** The `x-request-id` the API answered with, to quote to its support. */
  declare readonly requestId: string | null;
  constructor(
    method: string,
    path: string,
    status: number,
    requestId: string | null,
    message: string,
  ) {
    super(method, path, message);
    this.status = status;
    this.requestId = requestId;
  }
}

/**
 * A body longer than `maxResponseBytes`, whatever the status: cut off there, and not retried (it
 * would be as long again). `status` is the response's.
 */
export class ResponseTooLargeError extends InvalidResponseError {
  override name = 'ResponseTooLargeError';
  /** The cap the body passed, in bytes. */
  declare readonly maxResponseBytes: number;
  constructor(
    method: string,
    path: string,
    status: number,
    requestId: string | null,
    maxResponseBytes: number,
  ) {
    super(
      method,
      path,
      status,
      requestId,
      `answered with a body over maxResponseBytes (${maxResponseBytes} bytes)`,
    );
    this.maxResponseBytes = maxResponseBytes;
  }
}

/**
 * A non-2xx response. Subclasses name the kind; `status` always tells the exact one, `type` the
 * vendor's reason (`SESSION_EXPIRED`). Fields come from the body, whichever revision of the
 * vendor's error shape it is in (read by core's `readErrorBody`).
 */
export class APIError extends RequestError {
  override name = 'APIError';
  declare readonly status: number;
  /**
   * The vendor's machine-readable error type, to branch on: one of the spec's `ErrorType`s, or
   * any other string a newer API sends; undefined when the body names none (a 5xx).
   */
  declare readonly type: ErrorType | (string & {}) | undefined;
  /** What to do, when the body says (`refresh_session`: reconnect the creator). */
  declare readonly actionRequired: string | undefined;
  /** The earlier revision's machine-readable `code`, when the body has one. */
  declare readonly code: string | undefined;
  /** The body's `details`, whatever the API put there. */
  declare readonly details: unknown;
  /** The body: parsed when it is JSON, else its text; the API key already redacted. */
  declare readonly body: unknown;
  /**
   * Seconds the API asked to wait, when it said: `Retry-After` (either form), or on a 429 the
   * time until `X-RateLimit-Reset`.
   */
  declare readonly retryAfter: number | undefined;
  /**
   * The request's id, to quote to the vendor's support: the body's `requestId`, else the
   * `x-request-id` header; null when neither names one.
   */
  declare readonly requestId: string | null;

  constructor(
    method: string,
    path: string,
    status: number,
    body: unknown,
    retryAfter: number | undefined,
    requestId: string | null,
  ) {
    const facts = readErrorBody(body);
    super(method, path, `${status} ${facts.message?.slice(0, 200) || 'no message'}`);
    this.status = status;
    this.type = facts.type;
    this.actionRequired = facts.actionRequired;
    this.code = facts.code;
    this.details = facts.details;
    this.body = body;
    this.retryAfter = retryAfter;
    this.requestId = facts.requestId ?? requestId;
  }

  /**
   * The one place a status (and the body's type) becomes a class: the error of a non-2xx
   * response. A redirect's arguments end with the origin it pointed to (see RedirectError); the
   * others ignore it.
   */
  static generate(...args: ConstructorParameters<typeof RedirectError>): APIError {
    const status = args[2];
    const type = readErrorBody(args[3]).type;
    const Class: new (...args: ConstructorParameters<typeof RedirectError>) => APIError =
      status >= 500
        ? InternalServerError
        : // A 3xx, or a browser's opaque redirect (status 0).
          status < 400
          ? RedirectError
          : status === 401 && (type === 'SESSION_NOT_PROVIDED' || type === 'SESSION_EXPIRED')
            ? ReconnectRequiredError
            : ({
                400: BadRequestError,
                401: AuthenticationError,
                403: PermissionDeniedError,
                404: NotFoundError,
                422: UnprocessableEntityError,
                429: RateLimitError,
              }[status] ?? APIError);
    return new Class(...args);
  }
}

/**
 * A 3xx (or, in a browser, an opaque redirect: status 0). Never followed: fetch keeps custom
 * headers on a redirect to another origin, so following one would hand `apiKey` to whatever host
 * the Location names. Not retried. Its body is not read (it often spells out the whole target).
 */
export class RedirectError extends APIError {
  override name = 'RedirectError';
  /**
   * The origin (scheme, host, port) the Location pointed to, never its path or query, which may
   * carry anything; null when hidden (a browser's opaque redirect) or unreadable.
   */
  declare readonly origin: string | null;
  constructor(
    method: string,
    path: string,
    status: number,
    body: unknown,
    retryAfter: number | undefined,
    requestId: string | null,
    origin: string | null = null,
  ) {
    super(method, path, status, body, retryAfter, requestId);
    this.origin = origin;
    this.message = about(
      `${status} redirect to ${origin ?? 'a hidden location'} not followed`,
      method,
      path,
    );
  }
}

/** 400 (`BAD_REQUEST`): the API rejected a parameter. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/**
 * 401: the API key is missing or invalid (`UNAUTHORIZED`), or OFAuth is updating its rules
 * (`RULES_OUTDATED`, retried first). A connection that must be reconnected is its subclass
 * ReconnectRequiredError.
 */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/**
 * 401 `SESSION_NOT_PROVIDED` (the connection does not exist, or has no session) or
 * `SESSION_EXPIRED`: the key is fine, but this creator must reconnect their account through
 * OFAuth Link before the connection can be read again. Not retried: no retry can fix it.
 */
export class ReconnectRequiredError extends AuthenticationError {
  override name = 'ReconnectRequiredError';
}
/**
 * 403 (`FORBIDDEN`): the key and the connection are valid, but the connection lacks a permission
 * the operation needs (each operation's description names it: `messages:read` for the list,
 * `analytics:read` for the analytics routes); the creator grants it by reconnecting with it.
 */
export class PermissionDeniedError extends AuthenticationError {
  override name = 'PermissionDeniedError';
}
/**
 * 404: `RESOURCE_NOT_FOUND` (an id that does not exist) or `ROUTE_NOT_FOUND` (a path the API
 * does not serve: a wrong `baseUrl`). An unknown connection is a 401 (ReconnectRequiredError).
 */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 422: the request failed validation (the vendor's earlier revision). */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
/**
 * 429 (`RATE_LIMIT_EXCEEDED`): the connection's token bucket is empty; `retryAfter` says how
 * long until it refills. Retried. The `rateLimit` option keeps a loop from reaching it.
 */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
/** 5xx: the API failed (500), its proxy (502) or its network (503). Retried. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}
