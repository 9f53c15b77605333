// The one reading of a failed response's body, whichever revision of the vendor's error shape it
// is in: the current `{ error, type, requestId, actionRequired? }`, the earlier
// `{ error, code, details? }`, the `{ message, code, details }` the vendor's SDKs read, or an RFC
// 7807 problem (`title`, what Prism answers a bad request with). The client builds its errors
// from it and the contract checks hold the mocks and the proxy to it, so nothing the API says
// about a failure is lost on the way to the user.

/** What a failed response's body says, each field only when the body has it as a string. */
export interface ErrorFacts {
  /** For people: `error`, else `message`, else `title`. */
  message?: string;
  /** The machine-readable kind (`SESSION_EXPIRED`), from `type`. */
  type?: string;
  /** The earlier revision's (and the SDKs') machine-readable `code`. */
  code?: string;
  /** `req_…`, to quote to the vendor's support. */
  requestId?: string;
  /** What to do, such as `refresh_session`. */
  actionRequired?: string;
  /** Anything more the body says (`details`), as sent. */
  details?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The facts of a parsed error body (or its text: then only `message`). */
export function readErrorBody(body: unknown): ErrorFacts {
  if (typeof body === 'string') {
    const message = text(body.trim());
    return message === undefined ? {} : { message };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const fields = body as Record<string, unknown>;
  const facts: ErrorFacts = {};
  const message = text(fields.error) ?? text(fields.message) ?? text(fields.title);
  if (message !== undefined) facts.message = message;
  for (const key of ['type', 'code', 'requestId', 'actionRequired'] as const) {
    const value = text(fields[key]);
    if (value !== undefined) facts[key] = value;
  }
  if (fields.details !== undefined) facts.details = fields.details;
  return facts;
}
