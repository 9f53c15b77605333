// What the operator's log may say about a failure. The logger never sees the key: a message is
// left out when it holds it (a custom fetch, or the app's own hook, may quote its configuration).

/**
 * What failed: `TypeError: fetch failed (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:4010)`.
 * The error's name, message and cause, each left out when it holds `secret`.
 */
export function describeFailure(error: unknown, secret: string): string {
  const safe = (text: unknown) =>
    typeof text === 'string' && text && !text.includes(secret) ? text : undefined;
  if (!(error instanceof Error)) return typeof error;
  const cause = Object(error.cause) as { code?: unknown; message?: unknown };
  const causeText = [safe(cause.code), safe(cause.message)].filter(Boolean).join(': ');
  const message = safe(error.message);
  const name = safe(error.name) ?? 'Error';
  return `${name}${message ? `: ${message}` : ''}${causeText ? ` (${causeText})` : ''}`;
}
