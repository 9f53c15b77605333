// The one redaction of the API key, with one rule, for everything the client and the proxy hand
// to anyone but the API: error messages and bodies, header values kept on errors, log lines.
//
// The rule: every occurrence of the key, as written or percent-encoded, becomes `[redacted]`,
// wherever it stands: in a string value, in a property name, in text that is not JSON. A JSON
// body is parsed first and rewritten value by value (then serialised again), so a key that is a
// JSON token (`"`, `\`, `:`) cannot break the JSON, and a key hidden by JSON escapes (`\u0073k_…`)
// is found too. A short key garbles the words it happens to stand in; leaking it would be worse.
// A string that still holds the key afterwards (the mark and its neighbours happened to spell it)
// is replaced whole.

export const REDACTED = '[redacted]';
// For a key that the usual mark itself contains (a one-letter dev key such as `e`).
const MARKS = [REDACTED, '***', '…', '###'];

/** A function that removes `secret` from text (the identity when there is no secret). */
export type Redact = (text: string) => string;

/** Removes `secret` (as written and percent-encoded) from text. */
export function redactor(secret: string | undefined): Redact {
  if (!secret) return (text) => text;
  const forms = [...new Set([secret, encodeURIComponent(secret)])];
  const mark = MARKS.find((m) => !m.includes(secret)) as string;
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(mark);
    return forms.some((form) => out.includes(form)) ? mark : out;
  };
}

/** A parsed JSON value with the secret removed from every string and every property name. */
export function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[redact(name)] = redactValue(item, redact);
    return out;
  }
  return value;
}

/**
 * A response body as errors and logs may carry it: parsed when it is JSON (the secret removed
 * from its names and values), else its text with the secret removed.
 */
export function redactBody(text: string, redact: Redact): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redact(text);
  }
  return redactValue(parsed, redact);
}

/**
 * The same, as text again: the body a proxy may pass on. Unchanged text when nothing was removed,
 * so a body without the key keeps its bytes as sent.
 */
export function redactText(text: string, redact: Redact): string {
  const body = redactBody(text, redact);
  if (typeof body === 'string') return body;
  const again = JSON.stringify(body);
  return again === JSON.stringify(JSON.parse(text)) ? text : again;
}
