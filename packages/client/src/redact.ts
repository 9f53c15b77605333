// Keeps the API key out of what errors and logs carry, without garbling the rest. Bodies are
// parsed first and only their string values rewritten (however deep), so a key that is a JSON token
// (`"`, `:`) cannot break the JSON, and field names (`message`, `code`) are never touched.

const MARK = '[redacted]';

/**
 * A function that removes `secret` from text. A long key cannot occur by chance, so every
 * occurrence is removed. A short one (a dev key such as `e` or `"`) occurs by chance inside
 * ordinary words and JSON, where removing it would garble the message without hiding anything:
 * it is removed only where it stands as a word of its own (between spaces, or the whole value).
 */
export function redactor(secret: string | undefined): (text: string) => string {
  return (text) =>
    !secret
      ? text
      : secret.length < 8
        ? text.replace(/\S+/g, (word) => (word === secret ? MARK : word))
        : text.split(secret).join(MARK);
}

/**
 * A response body as errors and logs carry it: parsed when it is JSON, with every string value
 * redacted as it is parsed (however deep); else its text, redacted.
 */
export function redactBody(text: string, redact: (text: string) => string): unknown {
  try {
    return JSON.parse(text, (_name, value) => (typeof value === 'string' ? redact(value) : value));
  } catch {
    // Not JSON (an HTML error page, plain text).
    return redact(text);
  }
}
