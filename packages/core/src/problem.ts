// The one shape and wording of a refusal: a parameter or an option, what it accepts, and a
// sentence saying both. Every package turns it into its own error class (the client's
// InvalidArgumentError, the proxy's ProxyConfigError, the mocks' 400 body), so every refusal in
// the toolkit reads alike: `limit must be an integer from 1 to 20, got 25`.

/** What is wrong with one parameter or option. */
export interface Problem {
  /** The parameter or option at fault: `limit`, `startDate`, `maxRetries`. */
  parameter: string;
  /** What it accepts, e.g. `an integer from 1 to 20`. */
  allowed: string;
  /** `limit must be an integer from 1 to 20, got 25`. */
  message: string;
}

/** How a value is shown in a message: strings quoted (and cut short), objects by kind. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' ? 'an object' : String(value);
}

/**
 * A problem naming `parameter` and what it allows; with `got`, the value received too. Leave
 * `got` out for a value that must not be repeated (an API key).
 */
export function problem(parameter: string, allowed: string, ...got: [unknown?]): Problem {
  const tail = got.length ? `, got ${show(got[0])}` : '';
  return { parameter, allowed, message: `${parameter} must be ${allowed}${tail}` };
}
