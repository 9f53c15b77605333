// Keeps the API key out of what errors and logs carry, without garbling the rest. Bodies are
// parsed first and only their strings rewritten (values and property names, however deep), so a
// key that is a JSON token (`"`, `:`) cannot break the JSON, and names that are not the key
// (`message`, `code`) are never touched.

const MARK = '[redacted]';

/**
 * A function that removes `secret` from text. A long key cannot occur by chance, so every
 * occurrence is removed. A short one (a dev key such as `e` or `"`) occurs by chance inside
 * ordinary words and JSON, where removing it would garble the message without hiding anything:
 * it is removed only where it stands as a word of its own (between whitespace or the text's
 * ends, or the whole value).
 */
export function redactor(secret: string | undefined): (text: string) => string {
  if (!secret) return (text) => text;
  if (secret.length >= 8) return (text) => text.split(secret).join(MARK);
  const word = new RegExp(`(?<!\\S)${secret.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}(?!\\S)`, 'g');
  return (text) => text.replace(word, MARK);
}

/**
 * A response body as errors and logs carry it: parsed when it is JSON, with every string value
 * and property name redacted as it is parsed (however deep); else its text, redacted.
 */
export function redactBody(text: string, redact: (text: string) => string): unknown {
  try {
    const body: unknown = JSON.parse(text, (_name, value) =>
      typeof value === 'string'
        ? redact(value)
        : // An object's names too (the API echoing `{ "<key>": … }`); fromEntries defines each
          // as its own property, so a `__proto__` name stays data.
          value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).map(([name, v]) => [redact(name), v]))
          : value,
    );
    // Parsing can spell out a key that is JSON itself (the body `1` for the key `1`, a body that
    // is the key): then its text, redacted, rather than what re-serialises to the key.
    const json = JSON.stringify(body);
    return redact(json) === json ? body : redact(text);
  } catch {
    // Not JSON (an HTML error page, plain text).
    return redact(text);
  }
}

/**
 * What a thrown value becomes as an error's `cause`: itself when the key is nowhere in it (its
 * class and fields intact); else a redacted plain copy of its fields (name, message, stack, own
 * fields, nested causes and an AggregateError's errors). One that cannot be read that way (a
 * cycle, a BigInt) becomes its redacted text.
 */
export function redactCause(cause: unknown, redact: (text: string) => string): unknown {
  try {
    const text = JSON.stringify(cause, (_name, value) =>
      value instanceof Error
        ? {
            ...value,
            name: value.name,
            message: value.message,
            stack: value.stack,
            cause: value.cause,
            errors: (value as { errors?: unknown }).errors,
          }
        : value,
    );
    const copy = text === undefined ? cause : redactBody(text, redact);
    return JSON.stringify(copy) === text ? cause : copy;
  } catch {
    // A cycle or a BigInt: its text, redacted (or nothing, when it has none).
    try {
      return redact(String(cause));
    } catch {
      return undefined;
    }
  }
}
