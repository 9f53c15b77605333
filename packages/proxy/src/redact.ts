// Keeps the API key out of error bodies the API might echo it in ("Invalid API key sk_…").
// Redacts string values after parsing, never the raw text, so keys, codes and structure survive
// even when the key is short or a JSON token (`e`, `"`, `:`); a body that is not JSON has its
// text redacted. Success bodies are data and pass untouched.

const MARK = '[redacted]';

function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return value.replaceAll(secret, MARK);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, redactValue(item, secret)]),
    );
  }
  return value;
}

/** The body with `secret` replaced in its string values; the same bytes when it is absent. */
export function redactBody(
  body: Uint8Array<ArrayBuffer>,
  secret: string,
): Uint8Array<ArrayBuffer> | string {
  const text = new TextDecoder().decode(body);
  // JSON escapes can hide the key from a text search (`\u0022`), so parse whenever it is JSON.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text.includes(secret) ? text.replaceAll(secret, MARK) : body;
  }
  const redacted = JSON.stringify(redactValue(parsed, secret));
  return redacted === JSON.stringify(parsed) ? body : redacted;
}
