// Keeps the API key out of what the API might echo it in: error bodies ("Invalid API key sk_…")
// and the response headers passed to the browser. Redacts strings after parsing, never the raw
// text, so structure and codes survive even when the key is short or a JSON token (`e`, `"`,
// `:`); a body that is not JSON has its text redacted. Success bodies are data and pass untouched.

const MARK = '[redacted]';

/** `text` with every occurrence of `secret` replaced. */
export function redactText(text: string, secret: string): string {
  return text.replaceAll(secret, MARK);
}

function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return redactText(value, secret);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value !== null && typeof value === 'object') {
    // Property names too: an API may key its details by the header value it got. Two names that
    // differ only by the key become one; the body is an error report, not data.
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [
        redactText(name, secret),
        redactValue(item, secret),
      ]),
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
    return text.includes(secret) ? redactText(text, secret) : body;
  }
  const redacted = JSON.stringify(redactValue(parsed, secret));
  return redacted === JSON.stringify(parsed) ? body : redacted;
}
