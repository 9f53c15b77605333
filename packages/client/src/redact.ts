// The client's own part of redacting the API key: a fetch failure's `cause` chain, which the
// client hands on with its errors. The rule and the rest (text, bodies, names) are core's one
// redaction (`redactor`, `redactBody`).
import { type Redact, redactBody } from '@ofauth-mass-messages/core';

/**
 * What a thrown value becomes as an error's `cause`: itself when the key is nowhere in it (its
 * class and fields intact); else a redacted plain copy of its fields (name, message, stack, own
 * fields, nested causes and an AggregateError's errors). One that cannot be read that way (a
 * cycle, a BigInt) becomes its redacted text.
 */
export function redactCause(cause: unknown, redact: Redact): unknown {
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
