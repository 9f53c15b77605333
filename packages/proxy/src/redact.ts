// The proxy's own part of keeping the API key from the browser: an error body arrives as bytes
// and leaves as the same bytes when it holds no key. The rule (every occurrence, as written or
// percent-encoded, in values, property names and text) is core's one redaction; which headers
// are redacted is headers.ts's. Success bodies are the account's data and pass untouched.
import { type Redact, redactText } from '@ofauth-mass-messages/core';

/** The body with the key removed (core's redactText); the same bytes when it holds none. */
export function redactBytes(
  body: Uint8Array<ArrayBuffer>,
  redact: Redact,
): Uint8Array<ArrayBuffer> | string {
  const text = new TextDecoder().decode(body);
  const redacted = redactText(text, redact);
  return redacted === text ? body : redacted;
}
