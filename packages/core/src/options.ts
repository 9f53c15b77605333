// The one style of option checking: the client's, the proxy's and the mocks' options are each a
// list of rules, checked in one pass that refuses a name no rule has (a misspelt `allowedOrigin`
// must not be ignored silently), with the closest known name when one is near, and a value its
// rule does not accept, with the same message shape as a parameter's (`maxRetries must be an
// integer from 0 to 10, got 99`). Each package throws the problem as its own error class.
import { type Problem, problem, show } from './problem.js';

/** One option: its name, what it accepts in words, and the test of a value. */
export interface OptionRule {
  name: string;
  allowed: string;
  accepts(value: unknown): boolean;
  /** The value is a credential: never repeated in a message. */
  secret?: boolean;
}

const rule = (name: string, allowed: string, accepts: (value: unknown) => boolean): OptionRule => ({
  name,
  allowed,
  accepts,
});

/** Rules for the usual kinds of option. */
export const option = {
  integer: (name: string, minimum: number, maximum?: number): OptionRule =>
    rule(
      name,
      maximum === undefined
        ? `an integer >= ${minimum}`
        : `an integer from ${minimum} to ${maximum}`,
      (v) =>
        Number.isSafeInteger(v) &&
        (v as number) >= minimum &&
        (maximum === undefined || (v as number) <= maximum),
    ),
  /** A finite number above `above`. */
  number: (name: string, above: number): OptionRule =>
    rule(name, `a number > ${above}`, (v) => Number.isFinite(v) && (v as number) > above),
  boolean: (name: string): OptionRule => rule(name, 'true or false', (v) => typeof v === 'boolean'),
  oneOf: (name: string, values: readonly unknown[]): OptionRule =>
    rule(name, `one of ${values.map(show).join(', ')}`, (v) => values.includes(v)),
  function: (name: string): OptionRule => rule(name, 'a function', (v) => typeof v === 'function'),
  object: (name: string, what = 'an object'): OptionRule =>
    rule(name, what, (v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
  string: (
    name: string,
    allowed = 'a non-empty string',
    test = (v: string) => v !== '',
  ): OptionRule => rule(name, allowed, (v) => typeof v === 'string' && test(v)),
  /** A credential sent as a header: a non-empty string fetch can put in one, never quoted. */
  header: (name: string): OptionRule => ({
    ...rule(
      name,
      'a non-empty string a header can carry: Latin-1 only, no control characters (CR, LF, NUL…), no leading or trailing whitespace',
      (v) => typeof v === 'string' && isHeaderValue(v),
    ),
    secret: true,
  }),
  /** Any of several rules (`a function or an object`). */
  either: (first: OptionRule, second: OptionRule): OptionRule => ({
    ...rule(
      first.name,
      `${first.allowed} or ${second.allowed}`,
      (v) => first.accepts(v) || second.accepts(v),
    ),
  }),
};

/**
 * Whether a string can be a header value as written: non-empty, no leading or trailing
 * whitespace (fetch would strip it: another key than the one given), no NUL, CR or LF, and every
 * code unit a byte (Latin-1).
 */
export function isHeaderValue(value: string): boolean {
  return value !== '' && value.trim() === value && /^[\x20-\x7e\x80-\xff\t]*$/.test(value);
}

/** Edit distance, ignoring case: option names are short, so the plain table is fine. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] as number;
}

/**
 * The known name nearest to `name` (`rateLimt` → `rateLimit`, `maxRetry` → `maxRetries`), or
 * undefined when none is near: at most two edits, or a third of the known name's length.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let least = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const edits = distance(name, candidate);
    if (edits < least && edits <= Math.max(2, candidate.length / 3)) {
      least = edits;
      best = candidate;
    }
  }
  return best;
}

/**
 * The first problem of `values` against `rules`: a name no rule has, or a value (other than
 * undefined: the default applies) its rule refuses. A secret's value is never in the message.
 * `prefix` names options inside another (`rateLimit.` → `rateLimit.capacity`).
 */
export function checkOptions(
  rules: readonly OptionRule[],
  values: object,
  prefix = '',
): Problem | undefined {
  const known = rules.map((r) => r.name);
  for (const [name, value] of Object.entries(values)) {
    if (!known.includes(name) && value !== undefined) {
      const near = closest(name, known);
      return problem(
        prefix + name,
        `left out: it is no option (${near ? `did you mean ${near}? ` : ''}known: ${known.join(', ')})`,
      );
    }
  }
  for (const r of rules) {
    const value = (values as Record<string, unknown>)[r.name];
    if (value !== undefined && !r.accepts(value)) {
      return r.secret
        ? problem(prefix + r.name, r.allowed)
        : problem(prefix + r.name, r.allowed, value);
    }
  }
  return undefined;
}
