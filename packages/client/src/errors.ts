// Every error the client throws, all sharing OFAuthError, so one `instanceof` catches them all.
// Each constructor takes its fields as typed parameters. None of them holds the request (its
// headers carry the API key): only method and path.

export class OFAuthError extends Error {
  override name = 'OFAuthError';
}

/** An argument or option failed its check before any request was sent. */
export class InvalidArgumentError extends OFAuthError {
  override name = 'InvalidArgumentError';
  constructor(
    message: string,
    /** The parameter or option at fault, e.g. `limit`, `maxItems`, `apiKey`. */
    readonly parameter: string,
    /** What it accepts, e.g. `an integer from 1 to 20`. */
    readonly allowed: string,
  ) {
    super(message);
  }
}

/** An error about one request: its method and path (never its headers). */
abstract class RequestError extends OFAuthError {
  constructor(
    readonly method: string,
    readonly path: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${message} (${method} ${path})`, options);
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

/** A 2xx response whose body is not JSON, or not the page the spec describes. */
export class InvalidResponseError extends RequestError {
  override name = 'InvalidResponseError';
  constructor(
    method: string,
    path: string,
    readonly status: number,
    /** The `x-request-id` the API answered with, to quote to its support. */
    readonly requestId: string | null,
    message: string,
  ) {
    super(method, path, message);
  }
}

/** A non-2xx response. Subclasses name the kind; `status` always tells the exact one. */
export class APIError extends RequestError {
  override name = 'APIError';
  /** The body's machine-readable `code`, e.g. `RATE_LIMITED`. */
  readonly code: string | undefined;
  /** The body's `details`, whatever the API put there. */
  readonly details: unknown;

  constructor(
    method: string,
    path: string,
    readonly status: number,
    /** The body: parsed when it is JSON, else its text; the API key already redacted. */
    readonly body: unknown,
    /** Response headers, lower-case, without credentials or cookies. */
    readonly headers: Record<string, string>,
    /** Seconds the API asked to wait (`Retry-After`, either form), when it said. */
    readonly retryAfter: number | undefined,
    /** The `x-request-id` the API answered with. */
    readonly requestId: string | null,
  ) {
    // Object() reads fields off any body: a JSON object, or nothing from text, null or a number.
    // The spec's Error body has `message`; an RFC 7807 problem (a Prism 422) has `title`.
    const { message, title, code, details } = Object(body);
    const text = [message, title, body].find((part) => typeof part === 'string' && part);
    super(method, path, `${status} ${text?.slice(0, 200) || 'no message'}`);
    this.code = typeof code === 'string' ? code : undefined;
    this.details = details;
  }

  /** The one place a status becomes a class: the error of a non-2xx response. */
  static generate(...args: ConstructorParameters<typeof APIError>): APIError {
    const status = args[2];
    const Class =
      status >= 500
        ? InternalServerError
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

/** 400: the API rejected a parameter. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/** 401: the API key is missing or invalid. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 403: the API key is valid but may not read this connection. */
export class PermissionDeniedError extends AuthenticationError {
  override name = 'PermissionDeniedError';
}
/** 404: the connection or resource does not exist. */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 422: the request failed validation. */
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
