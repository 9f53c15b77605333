// Argument checks against the rules generated from the spec: every bad value is refused with an
// error that names the parameter, the allowed range and what it got.
import { describe, expect, it } from 'vitest';
import { checkCount, checkParams, checkValue } from '../src/arguments.js';
import { InvalidArgumentError } from '../src/errors.js';
import { operations } from '../src/generated/operations.js';

const mass = operations.listMassMessages.query;
const purchased = operations.listPurchasedMassMessages.query;

function caught(run: () => void): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('the generated rules', () => {
  it('carry the limits of the spec', () => {
    expect(mass.limit).toMatchObject({ minimum: 1, maximum: 20 });
    expect(purchased.limit).toMatchObject({ minimum: 1, maximum: 100 });
    expect(mass.offset).toMatchObject({ minimum: 0, nullable: true });
    expect(mass.type.enum).toEqual(['sent', 'unsent', 'scheduled']);
  });
});

describe('checkParams accepts', () => {
  it.each([
    ['listMassMessages', undefined],
    ['listMassMessages', {}],
    ['listMassMessages', { limit: 1 }],
    ['listMassMessages', { limit: 20, offset: 0, type: 'scheduled' }],
    ['listMassMessages', { offset: null }],
    ['listMassMessages', { limit: undefined }],
    ['listPurchasedMassMessages', { limit: 100, offset: 4000 }],
  ] as const)('%s %j', (operationId, params) => {
    expect(() => checkParams(operationId, params, operations[operationId].query)).not.toThrow();
  });
});

describe('checkParams refuses', () => {
  it.each([
    // operationId, params, parameter, message
    [
      'listMassMessages',
      { limit: 0 },
      'limit',
      'listMassMessages: limit must be an integer from 1 to 20, got 0',
    ],
    [
      'listMassMessages',
      { limit: 21 },
      'limit',
      'listMassMessages: limit must be an integer from 1 to 20, got 21',
    ],
    [
      'listMassMessages',
      { limit: 2.5 },
      'limit',
      'listMassMessages: limit must be an integer from 1 to 20, got 2.5',
    ],
    [
      'listMassMessages',
      { limit: '10' },
      'limit',
      'listMassMessages: limit must be an integer from 1 to 20, got "10"',
    ],
    [
      'listMassMessages',
      { limit: null },
      'limit',
      'listMassMessages: limit must be an integer from 1 to 20, got null',
    ],
    [
      'listMassMessages',
      { limit: Number.NaN },
      'limit',
      'listMassMessages: limit must be an integer from 1 to 20, got NaN',
    ],
    [
      'listMassMessages',
      { limit: [5] },
      'limit',
      'listMassMessages: limit must be an integer from 1 to 20, got object',
    ],
    [
      'listPurchasedMassMessages',
      { limit: 101 },
      'limit',
      'listPurchasedMassMessages: limit must be an integer from 1 to 100, got 101',
    ],
    [
      'listMassMessages',
      { offset: -1 },
      'offset',
      'listMassMessages: offset must be an integer >= 0 (or null), got -1',
    ],
    [
      'listMassMessages',
      { offset: 1.5 },
      'offset',
      'listMassMessages: offset must be an integer >= 0 (or null), got 1.5',
    ],
    [
      'listPurchasedMassMessages',
      { offset: -20 },
      'offset',
      'listPurchasedMassMessages: offset must be an integer >= 0 (or null), got -20',
    ],
    [
      'listMassMessages',
      { type: 'draft' },
      'type',
      'listMassMessages: type must be one of "sent", "unsent", "scheduled", got "draft"',
    ],
    [
      'listMassMessages',
      { type: 'SENT' },
      'type',
      'listMassMessages: type must be one of "sent", "unsent", "scheduled", got "SENT"',
    ],
    [
      'listMassMessages',
      { limt: 5 },
      'limt',
      'listMassMessages: limt must be left out (known: limit, offset, type)',
    ],
    [
      'listPurchasedMassMessages',
      { type: 'sent' },
      'type',
      'listPurchasedMassMessages: type must be left out (known: limit, offset)',
    ],
    [
      'listMassMessages',
      'limit=5',
      'params',
      'listMassMessages: params must be an object, got "limit=5"',
    ],
    ['listMassMessages', null, 'params', 'listMassMessages: params must be an object, got null'],
  ] as const)('%s %j', (operationId, params, parameter, message) => {
    const error = caught(() => checkParams(operationId, params, operations[operationId].query));
    expect(error.parameter).toBe(parameter);
    expect(error.message).toBe(message);
  });
});

describe('checkValue', () => {
  it('names the caller’s parameter, not the spec’s (pageSize for limit)', () => {
    const error = caught(() => checkValue('pageSize', 50, mass.limit, 'listMassMessages: '));
    expect(error).toMatchObject({ parameter: 'pageSize', allowed: 'an integer from 1 to 20' });
    expect(error.message).toBe(
      'listMassMessages: pageSize must be an integer from 1 to 20, got 50',
    );
  });
});

describe('checkCount', () => {
  it.each([
    ['maxRetries', 0, 0],
    ['maxRetries', 5, 0],
    ['timeoutMs', 1, 1],
    ['timeoutMs', undefined, 1],
  ])('accepts %s = %j', (name, value, min) => {
    expect(() => checkCount(name, value, min)).not.toThrow();
  });

  it.each([
    ['maxRetries', -1, 0, 'maxRetries must be an integer >= 0, got -1'],
    ['maxRetries', 1.5, 0, 'maxRetries must be an integer >= 0, got 1.5'],
    ['maxRetries', '2', 0, 'maxRetries must be an integer >= 0, got "2"'],
    ['timeoutMs', 0, 1, 'timeoutMs must be an integer >= 1, got 0'],
    ['timeoutMs', Number.POSITIVE_INFINITY, 1, 'timeoutMs must be an integer >= 1, got Infinity'],
  ])('refuses %s = %j', (name, value, min, message) => {
    expect(caught(() => checkCount(name, value, min)).message).toBe(message);
  });
});
