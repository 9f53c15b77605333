// The id of each answer (`req_` and 16 hex digits, like the vendor's `req_4f1c9e22b7`): the body's
// `requestId` of an error and the `x-request-id` header of every answer, so that a client's
// request id is never null against the mock. Random rather than counted: ids from two mocks (or
// two runs) never collide in a log. `crypto.getRandomValues` exists in Node and in every browser,
// secure context or not (unlike `randomUUID`), where the MSW handlers run.

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let id = 'req_';
  for (const byte of bytes) id += HEX[byte];
  return id;
}

/** The `requestId` of an error body (a spec example's, say), when it has one. */
export function requestIdOf(body: string | null): string | undefined {
  if (body === null || !body.includes('"requestId"')) return undefined;
  try {
    const id = (JSON.parse(body) as { requestId?: unknown } | null)?.requestId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}
