// The client's argument checks: query parameters against the generated rules (core's
// checkParams) and the client's own options against its rules (core's checkOptions), refused
// with an InvalidArgumentError naming the parameter, what it allows and what it got.
import { describe, expect, it } from 'vitest';
import {
  CALL_RULES,
  CLIENT_RULES,
  checkArgs,
  checkOpts,
  ITERATION_RULES,
  invalid,
} from '../src/arguments.js';
import { InvalidArgumentError } from '../src/errors.js';
import { operations } from '../src/generated/operations.js';
import type { CommonOptions, RequestOptions } from '../src/types.js';

const mass = Object.values(operations.listMassMessages.params);
const purchased = Object.values(operations.listPurchasedMassMessages.params);

function caught(run: () => void): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('checkArgs accepts', () => {
  it.each([
    ['listMassMessages', mass, {}],
    ['listMassMessages', mass, { limit: 1 }],
    ['listMassMessages', mass, { limit: 20, offset: 0, type: 'scheduled' }],
    ['listMassMessages', mass, { offset: null }],
    ['listMassMessages', mass, { limit: undefined }],
    ['listPurchasedMassMessages', purchased, { limit: 100, offset: 4000 }],
  ])('%s %j', (_, rules, values) => {
    expect(() => checkArgs(rules, values)).not.toThrow();
  });
});

describe('checkArgs refuses', () => {
  it.each([
    [
      mass,
      { limit: 21 },
      'limit',
      'an integer from 1 to 20',
      'op: limit must be an integer from 1 to 20, got 21',
    ],
    [
      purchased,
      { limit: 0 },
      'limit',
      'an integer from 1 to 100',
      'op: limit must be an integer from 1 to 100, got 0',
    ],
    [
      mass,
      { limit: '5' },
      'limit',
      'an integer from 1 to 20',
      'op: limit must be an integer from 1 to 20, got "5"',
    ],
    [
      mass,
      { offset: -1 },
      'offset',
      'an integer >= 0 (or null)',
      'op: offset must be an integer >= 0 (or null), got -1',
    ],
    [
      mass,
      { type: 'draft' },
      'type',
      'one of "sent", "unsent", "scheduled"',
      'op: type must be one of "sent", "unsent", "scheduled", got "draft"',
    ],
    [
      purchased,
      { type: 'sent' },
      'type',
      'left out (known: limit, offset)',
      'op: type must be left out (known: limit, offset)',
    ],
    [mass, 'sent', 'params', 'an object', 'op: params must be an object, got "sent"'],
    [mass, null, 'params', 'an object', 'op: params must be an object, got null'],
  ])('%#: %j', (rules, values, parameter, allowed, message) => {
    const error = caught(() => checkArgs(rules, values, 'op: '));
    expect(error).toMatchObject({ parameter, allowed, message });
  });
});

describe('checkOpts accepts', () => {
  it.each([
    ['a call', ITERATION_RULES, { timeoutMs: 1, maxRetries: 0, maxItems: 0, lookahead: true }],
    ['a call', CALL_RULES, { signal: new AbortController().signal, headers: { Prefer: 'x' } }],
    ['a call', ITERATION_RULES, { maxRetries: 10, maxItems: undefined }],
    ['the client', CLIENT_RULES, { logLevel: 'off', rateLimit: true, logBodies: false }],
    ['the client', CLIENT_RULES, { rateLimit: { capacity: 5 }, fetch, logger: console }],
  ])('%s: %j', (_, rules, values) => {
    expect(() => checkOpts(rules, values)).not.toThrow();
  });
});

describe('checkOpts refuses', () => {
  it.each([
    [
      ITERATION_RULES,
      { timeoutMs: 0 },
      'timeoutMs',
      'an integer >= 1',
      'op: timeoutMs must be an integer >= 1, got 0',
    ],
    [
      ITERATION_RULES,
      { maxRetries: 1.5 },
      'maxRetries',
      'an integer from 0 to 10',
      'op: maxRetries must be an integer from 0 to 10, got 1.5',
    ],
    [
      ITERATION_RULES,
      { maxRetries: 11 },
      'maxRetries',
      'an integer from 0 to 10',
      'op: maxRetries must be an integer from 0 to 10, got 11',
    ],
    [
      ITERATION_RULES,
      { maxItems: -1 },
      'maxItems',
      'an integer >= 0',
      'op: maxItems must be an integer >= 0, got -1',
    ],
    [
      ITERATION_RULES,
      { lookahead: 1 },
      'lookahead',
      'true or false',
      'op: lookahead must be true or false, got 1',
    ],
    [
      CALL_RULES,
      { signal: 'stop' },
      'signal',
      'an AbortSignal',
      'op: signal must be an AbortSignal, got "stop"',
    ],
    [
      CLIENT_RULES,
      { logLevel: 'trace' },
      'logLevel',
      'one of "debug", "info", "warn", "error", "off"',
      'op: logLevel must be one of "debug", "info", "warn", "error", "off", got "trace"',
    ],
    [
      CLIENT_RULES,
      { rateLimit: 'on' },
      'rateLimit',
      'true, false or { capacity, refillPerMinute }',
      'op: rateLimit must be true, false or { capacity, refillPerMinute }, got "on"',
    ],
  ])('%#: %j', (rules, values, parameter, allowed, message) => {
    const error = caught(() => checkOpts(rules, values, 'op: '));
    expect(error).toMatchObject({ parameter, allowed, message });
  });
});

describe('invalid', () => {
  it('names the option and what it allows, with the value only when given', () => {
    expect(caught(() => invalid('baseUrl', 'an absolute URL', 4010)).message).toBe(
      'baseUrl must be an absolute URL, got 4010',
    );
    expect(caught(() => invalid('apiKey', 'a non-empty string')).message).toBe(
      'apiKey must be a non-empty string',
    );
  });
});

// The rules and the types name the same options: an option typed but without a rule would be
// refused as unknown, one with a rule but untyped could not be passed. Each object below must
// list every key of its type (TypeScript refuses a missing or extra one).
describe('the rules name every typed option', () => {
  const client: Record<keyof CommonOptions | 'apiKey' | 'connectionId', true> = {
    apiKey: true,
    connectionId: true,
    baseUrl: true,
    fetch: true,
    timeoutMs: true,
    maxRetries: true,
    maxResponseBytes: true,
    logger: true,
    logLevel: true,
    logBodies: true,
    rateLimit: true,
    dangerouslyAllowBrowser: true,
  };
  const call: Record<keyof RequestOptions, true> = {
    signal: true,
    headers: true,
    timeoutMs: true,
    maxRetries: true,
    maxResponseBytes: true,
    maxItems: true,
    lookahead: true,
  };
  it.each([
    ['createClient', CLIENT_RULES, Object.keys(client)],
    ['a call that iterates', ITERATION_RULES, Object.keys(call)],
    [
      'any other call',
      CALL_RULES,
      Object.keys(call).filter((name) => !/maxItems|lookahead/.test(name)),
    ],
  ])('%s', (_, rules, names) => {
    expect(rules.map((rule) => rule.name).sort()).toEqual(names.sort());
  });
});
