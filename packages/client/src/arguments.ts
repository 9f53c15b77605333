// Argument checks that run before any request, all with the spec package's one check
// (`checkParams`): query parameters against the operation's rules, and the client's own options
// against rules of the same shape, so every refusal reads alike.
import {
  checkParams,
  problem,
  type QueryProblem,
  type QueryRule,
} from '@ofauth-mass-messages/spec/operations';
import { InvalidArgumentError } from './errors.js';

/** Throws the InvalidArgumentError of a problem; `where` names the operation, if any. */
function fail(where: string, { message, parameter, allowed }: QueryProblem): never {
  throw new InvalidArgumentError(where + message, parameter, allowed);
}

/**
 * Throws InvalidArgumentError naming `parameter` and what it allows; the value only when one is
 * passed (never for the API key).
 */
export function invalid(
  where: string,
  parameter: string,
  allowed: string,
  ...got: [unknown?]
): never {
  fail(where, problem(parameter, allowed, ...got));
}

/**
 * Checks `values` against `rules` (an unknown name is refused: the API would ignore it, and the
 * caller would silently get something other than what they asked for).
 */
export function check(where: string, rules: readonly QueryRule[], values: unknown): void {
  if (Object(values) !== values) invalid(where, 'params', 'an object', values);
  const found = checkParams(rules, values as Record<string, unknown>);
  if (found) fail(where, found);
}

/** A rule for a count option (`timeoutMs`, `maxItems`…): an integer of at least `minimum`. */
const count = (name: string, minimum: number): QueryRule => ({
  name,
  required: false,
  type: 'integer',
  nullable: false,
  minimum,
  allowed: `an integer >= ${minimum}`,
});

/** The rules of the client's and each call's own options. */
export const OPTION_RULES: readonly QueryRule[] = [
  count('timeoutMs', 1),
  count('maxRetries', 0),
  count('maxItems', 0),
  { name: 'lookahead', required: false, type: 'boolean', nullable: false, allowed: 'a boolean' },
  { name: 'logBodies', required: false, type: 'boolean', nullable: false, allowed: 'a boolean' },
  {
    name: 'logLevel',
    required: false,
    type: 'string',
    nullable: false,
    enum: ['debug', 'info', 'warn', 'error', 'off'],
    allowed: 'one of "debug", "info", "warn", "error", "off"',
  },
];
