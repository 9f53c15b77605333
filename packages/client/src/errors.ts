// Every error the client throws, all sharing OFAuthError, so one `instanceof` catches them all.
// None of them holds the request (its headers carry the API key), only method and path.
// Size matters here (the browser bundle): fields are set with Object.assign and declared with
// `declare`, and each subclass is just its `name`.

/** The request an error belongs to. */
export interface RequestInfo {
  method: string;
  path: string;
}

export class OFAuthError extends Error {
  override name = 'OFAuthError';

  /** `fields` become the error's own properties. */
  constructor(message: string, fields?: object, options?: ErrorOptions) {
    super(message, options);
    Object.assign(this, fields);
  }
}

/** An argument failed its check before any request was sent. */
export class InvalidArgumentError extends OFAuthError {
  override name = 'InvalidArgumentError';
  /** The parameter or option at fault, e.g. `limit`, `pageSize`, `apiKey`. */
  declare readonly parameter: string;
  /** What it accepts, e.g. `an integer from 1 to 20`. */
  declare readonly allowed: string;
}

/** The fetch itself failed: DNS, refused connection, reset, CORS… Retried. */
export class APIConnectionError extends OFAuthError {
  override name = 'APIConnectionError';
  declare readonly method: string;
  declare readonly path: string;
}

/** No complete response within `timeoutMs` (per attempt). Retried like a connection error. */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
}

/** The caller's `signal` aborted the request, or the wait before a retry. Never retried. */
export class APIUserAbortError extends OFAuthError {
  override name = 'APIUserAbortError';
  declare readonly method: string;
  declare readonly path: string;
}

/** A 2xx response whose body is not JSON, or not the page the spec describes. */
export class InvalidResponseError extends OFAuthError {
  override name = 'InvalidResponseError';
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
}

/** What the transport knows about a failed response. */
export interface APIErrorInit extends RequestInfo {
  status: number;
  /** The body: parsed when it is JSON, else its text; the API key already redacted. */
  body: unknown;
  /** Response headers, lower-case, without credentials or cookies. */
  headers: Record<string, string>;
  /** Seconds to wait, from `Retry-After` (either form). */
  retryAfter: number | undefined;
}

/** A non-2xx response. Subclasses name the kind; `status` always tells the exact one. */
export class APIError extends OFAuthError {
  override name = 'APIError';
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
  /** The body's machine-readable `code`, e.g. `RATE_LIMITED`. */
  declare readonly code: string | undefined;
  /** The body's `details`, whatever the API put there. */
  declare readonly details: unknown;
  declare readonly body: unknown;
  declare readonly headers: Record<string, string>;
  /** Seconds the API asked to wait (`Retry-After`), when it said. */
  declare readonly retryAfter: number | undefined;

  constructor(init: APIErrorInit) {
    const { body, status, method, path } = init;
    // Object() reads fields off any body: a JSON object, or nothing from text, null or a number.
    // The spec's Error body has `message`; an RFC 7807 problem (a Prism 422) has `title`.
    const { message, title, code, details } = Object(body);
    const text = [message, title, body].find((part) => typeof part === 'string' && part);
    super(`${status} ${text?.slice(0, 200) || 'no message'} (${method} ${path})`, {
      ...init,
      code: typeof code === 'string' ? code : undefined,
      details,
    });
  }
}

/** 400: the API rejected a parameter. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/** 401 or 403: the API key is missing, invalid, or may not read this connection. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 404: the connection or resource does not exist. */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 422: the request failed validation (what a Prism mock answers for invalid requests). */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
/** 429: too many requests; `retryAfter` says how long to wait. Retried. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
/** 5xx: the API failed. Retried. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** The error class of a status. */
export function errorClassFor(status: number): typeof APIError {
  return status >= 500
    ? InternalServerError
    : ({
        400: BadRequestError,
        401: AuthenticationError,
        403: AuthenticationError,
        404: NotFoundError,
        422: UnprocessableEntityError,
        429: RateLimitError,
      }[status] ?? APIError);
}
