// Argument checks that run before any request: query parameters against the rules generated
// from the spec (src/generated/operations.ts), and the client's own options.
import { InvalidArgumentError } from './errors.js';

/** The shape of a generated parameter rule. */
export interface ParameterRule {
  readonly type: string;
  /** How an error message states the rule: `an integer from 1 to 20`. */
  readonly allowed: string;
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
}

/**
 * Throws InvalidArgumentError naming `name` and what it allows, plus the value it got when one is
 * passed (never for the API key: its value appears in no message).
 */
export function invalid(name: string, allowed: string, where = '', ...got: [unknown?]): never {
  const [value] = got;
  // Strings quoted, other primitives as written (NaN, null, true), objects only by kind.
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Object(value) === value
        ? typeof value
        : String(value);
  throw new InvalidArgumentError(
    `${where}${name} must be ${allowed}${got.length ? `, got ${shown}` : ''}`,
    { parameter: name, allowed },
  );
}

/** Checks one value against its rule; undefined means "the API's default". */
export function checkValue(name: string, value: unknown, rule: ParameterRule, where = ''): void {
  const { type, minimum = -Infinity, maximum = Infinity } = rule;
  if (
    value !== undefined &&
    !(value === null && rule.nullable) &&
    !(rule.enum
      ? rule.enum.includes(value)
      : (type === 'integer' ? Number.isInteger(value) : typeof value === type) &&
        (value as number) >= minimum &&
        (value as number) <= maximum)
  ) {
    invalid(name, rule.allowed, where, value);
  }
}

/**
 * Checks every key of `params` against `rules`. An unknown name is refused too: the API would
 * ignore it, and the caller would silently get something other than what they asked for.
 */
export function checkParams(
  operationId: string,
  params: unknown,
  rules: Readonly<Record<string, ParameterRule>>,
): void {
  const where = `${operationId}: `;
  if (params === undefined) return;
  if (Object(params) !== params) invalid('params', 'an object', where, params);
  for (const [name, value] of Object.entries(params as object)) {
    const rule = rules[name];
    if (!rule) invalid(name, `left out (known: ${Object.keys(rules).join(', ')})`, where);
    checkValue(name, value, rule, where);
  }
}

/** Checks a count option (`timeoutMs`, `maxRetries`, `maxItems`): an integer of at least `min`. */
export function checkCount(name: string, value: unknown, min: number): void {
  checkValue(name, value, { type: 'integer', minimum: min, allowed: `an integer >= ${min}` });
}
