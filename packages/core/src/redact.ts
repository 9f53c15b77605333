// The one redaction of the API key, with one rule, for everything the client and the proxy hand
// to anyone but the API: error messages and bodies, header values kept on errors, log lines.
//
// The rule: every occurrence of the key, as written or percent-encoded, becomes `[redacted]`,
// wherever it stands: in a string value, in a property name, in text that is not JSON. A JSON
// body is parsed first and rewritten value by value (then serialised again), so a key that is a
// JSON token (`"`, `\`, `:`) cannot break the JSON, and a key hidden by JSON escapes (`\u0073k_…`)
// is found too. A short key garbles the words it happens to stand in; leaking it would be worse.
// A string that still holds the key afterwards (the mark and its neighbours happened to spell it)
// is replaced whole, and so is a body whose serialisation still spells it out of parts no string
// holds (a number, `true`, a name with the quotes and colon around it): then its text, redacted.
// Only a key of nothing but JSON's punctuation and whitespace may stay in a body's structure,
// which every JSON text spells: it is no secret there, and removing it would break the JSON.

export const REDACTED = '[redacted]';
// For a key that the usual mark itself contains (a one-letter dev key such as `e`).
const MARKS = [REDACTED, '***', '…', '###'];

/** A function that removes a secret from text (the identity when there is no secret). */
export interface Redact {
  (text: string): string;
  /** The secret is nothing but JSON punctuation and whitespace (`"`, `:`, `{`). */
  readonly punctuation?: boolean;
}

/** Removes `secret` (as written and percent-encoded) from text. */
export function redactor(secret: string | undefined): Redact {
  if (!secret) return (text) => text;
  const forms = [...new Set([secret, encodeURIComponent(secret)])];
  const mark = MARKS.find((m) => !m.includes(secret)) as string;
  const redact = (text: string) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(mark);
    return forms.some((form) => out.includes(form)) ? mark : out;
  };
  return Object.assign(redact, { punctuation: /^[\s"\\{}[\]:,]*$/.test(secret) });
}

/** A parsed JSON value with the secret removed from every string and every property name. */
export function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines each name as its own property: a `__proto__` name stays data. Two
    // names that differ only by the key become one: the body is an error report, not data.
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [redact(name), redactValue(item, redact)]),
    );
  }
  return value;
}

/** The text parsed as JSON, or undefined when it is not JSON. */
function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The redacted value of a parsed body, or undefined when its serialisation still spells the key. */
function redactParsed(
  parsed: unknown,
  redact: Redact,
): { value: unknown; json: string } | undefined {
  const value = redactValue(parsed, redact);
  const json = JSON.stringify(value);
  return redact.punctuation || redact(json) === json ? { value, json } : undefined;
}

/**
 * A response body as errors and logs may carry it: parsed when it is JSON (the secret removed
 * from its names and values), else its text with the secret removed.
 */
export function redactBody(text: string, redact: Redact): unknown {
  const parsed = parse(text);
  const out = parsed && redactParsed(parsed.value, redact);
  return out ? out.value : redact(text);
}

/**
 * The same, as text again: the body a proxy may pass on. Unchanged text when nothing was removed
 * (and its spacing spells no key), so a body without the key keeps its bytes as sent.
 */
export function redactText(text: string, redact: Redact): string {
  const parsed = parse(text);
  const out = parsed && redactParsed(parsed.value, redact);
  if (!out) return redact(text);
  const same = out.json === JSON.stringify(parsed.value);
  return same && (redact.punctuation || redact(text) === text) ? text : out.json;
}
