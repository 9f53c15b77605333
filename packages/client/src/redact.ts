// Keeps the API key out of what errors and logs carry, without garbling the rest. Bodies are
// parsed first and only their string values rewritten (deep), so a key that is a JSON token
// (`"`, `:`) cannot break the JSON, and field names (`message`, `code`) are never touched.

const MARK = '[redacted]';

/**
 * A function that removes `secret` from text. A long key cannot occur by chance, so every
 * occurrence is removed. A short one (a dev key such as `e`) occurs inside ordinary words, where
 * removing it would garble the message without hiding anything: it is removed only where it
 * stands alone, not touching letters, digits, `_` or `-`.
 */
export function redactor(secret: string | undefined): (text: string) => string {
  if (!secret) return (text) => text;
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(secret.length < 8 ? `(?<![\\w-])${escaped}(?![\\w-])` : escaped, 'g');
  return (text) => text.replace(pattern, MARK);
}

/** `value` with `redact` applied to every string in it, however deep; other values kept. */
export function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key in value)
      copy[key] = redactDeep((value as Record<string, unknown>)[key], redact);
    return copy;
  }
  return value;
}

/** A response body as errors and logs carry it: parsed when JSON, then redacted; else its text, redacted. */
export function redactBody(text: string, redact: (text: string) => string): unknown {
  try {
    return redactDeep(JSON.parse(text), redact);
  } catch {
    // Not JSON (an HTML error page, plain text).
    return redact(text);
  }
}
