// Argument checks that run before any request, all with core's one check (`checkParams`): query
// parameters against the operation's rules, and the client's own options against rules of the
// same shape, so every refusal reads alike.
import { checkParams, problem, type Problem as QueryProblem } from '@ofauth-mass-messages/core';
import type { ParamRule as QueryRule } from '@ofauth-mass-messages/spec';
import { InvalidArgumentError } from './errors.js';
import { MAX_RETRIES } from './retry.js';

/** Throws the InvalidArgumentError of a problem; `where` names the operation, if any. */
function fail({ message, parameter, allowed }: QueryProblem, where = ''): never {
  throw new InvalidArgumentError(where + message, parameter, allowed);
}

/**
 * Throws InvalidArgumentError naming a client option and what it allows; the value only when one
 * is passed (never for the API key).
 */
export function invalid(parameter: string, allowed: string, ...got: [unknown?]): never {
  fail(problem(parameter, allowed, ...got));
}

/**
 * Checks `values` against `rules` (an unknown name is refused: the API would ignore it, and the
 * caller would silently get something other than what they asked for).
 */
export function check(rules: readonly QueryRule[], values: unknown, where?: string): void {
  const found =
    Object(values) === values
      ? checkParams(rules, values as Record<string, unknown>)
      : problem('params', 'an object', values);
  if (found) fail(found, where);
}

/** A rule of one of the client's options, in the shape of a query rule. */
export const rule = (
  name: string,
  type: QueryRule['type'],
  allowed: string,
  more?: object,
): QueryRule => ({
  name,
  in: 'query',
  type,
  allowed,
  required: false,
  nullable: false,
  ...more,
});

/** A count (`timeoutMs`, `maxItems`…): an integer of at least `minimum`. */
export const count = (name: string, minimum: number) =>
  rule(name, 'integer', `an integer >= ${minimum}`, { minimum });

const LEVELS = ['debug', 'info', 'warn', 'error', 'off'];

/** The rules of the client's and each call's own options. */
export const OPTION_RULES: readonly QueryRule[] = [
  count('timeoutMs', 1),
  rule('maxRetries', 'integer', `an integer from 0 to ${MAX_RETRIES}`, {
    minimum: 0,
    maximum: MAX_RETRIES,
  }),
  count('maxItems', 0),
  count('maxResponseBytes', 1),
  rule('lookahead', 'boolean', 'a boolean'),
  rule('logLevel', 'string', `one of ${LEVELS.join(', ')}`, { enum: LEVELS }),
];
