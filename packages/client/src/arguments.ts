// Argument checks that run before any request, each with core's one check: query and path
// parameters against the operation's rules (checkParams), and the client's own options against
// rules in core's one style of option checking (checkOptions: a name no rule has is refused with
// the closest known one, a credential is never quoted), so every refusal reads alike.
import {
  checkOptions,
  checkParams,
  type OptionRule,
  option,
  type Problem,
  problem,
} from '@ofauth-mass-messages/core';
import type { ParamRule } from '@ofauth-mass-messages/spec';
import { InvalidArgumentError } from './errors.js';
import { MAX_RETRIES } from './retry.js';

/** Throws the InvalidArgumentError of a problem; `where` names the operation, if any. */
function fail({ message, parameter, allowed }: Problem, where = ''): never {
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
 * Checks a call's parameters against its operation's rules (an unknown name is refused: the API
 * would ignore it, and the caller would silently get something other than what they asked for).
 */
export function checkArgs(rules: readonly ParamRule[], values: unknown, where?: string): void {
  const found =
    Object(values) === values
      ? checkParams(rules, values as Record<string, unknown>)
      : problem('params', 'an object', values);
  if (found) fail(found, where);
}

/** Checks options against their rules; `prefix` names options inside another (`rateLimit.`). */
export function checkOpts(
  rules: readonly OptionRule[],
  values: object,
  where?: string,
  prefix?: string,
): void {
  const found = checkOptions(rules, values, prefix);
  if (found) fail(found, where);
}

/** What `baseUrl` takes. */
export const BASE_URL = 'an absolute URL (or, in a browser, a path: /api)';

/** What the client and each call take: a call's value overrides the client's. */
const PER_ATTEMPT: OptionRule[] = [
  option.integer('timeoutMs', 1),
  option.integer('maxRetries', 0, MAX_RETRIES),
  option.integer('maxResponseBytes', 1),
];

/** createClient's and createRawClient's options. */
export const CLIENT_RULES: readonly OptionRule[] = [
  option.header('apiKey'),
  option.header('connectionId'),
  option.string('baseUrl', BASE_URL),
  option.function('fetch'),
  ...PER_ATTEMPT,
  option.object('logger', 'an object such as console'),
  option.oneOf('logLevel', ['debug', 'info', 'warn', 'error', 'off']),
  option.boolean('logBodies'),
  {
    ...option.either(option.boolean('rateLimit'), option.object('rateLimit')),
    allowed: 'true, false or { capacity, refillPerMinute }',
  },
  option.boolean('dangerouslyAllowBrowser'),
];

/** A call's options, for every operation. */
export const CALL_RULES: readonly OptionRule[] = [
  option.object('signal', 'an AbortSignal'),
  option.object('headers'),
  ...PER_ATTEMPT,
];

/** A call's options where there is an iteration (offset-paged operations). */
export const ITERATION_RULES: readonly OptionRule[] = [
  ...CALL_RULES,
  option.integer('maxItems', 0),
  option.boolean('lookahead'),
];
