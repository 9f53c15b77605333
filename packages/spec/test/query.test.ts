// The one query check: typed values (a client call) and query strings (a server's view).
import { describe, expect, it } from 'vitest';
import { findOperation } from '../src/document.js';
import { checkParams, parseQuery } from '../src/query.js';

const list = findOperation('listMassMessages').query;
const purchased = findOperation('listPurchasedMassMessages').query;

describe('checkParams (typed values)', () => {
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['in range', { limit: 20, offset: 0, type: 'scheduled' }, undefined],
    ['defaults left out', {}, undefined],
    ['null offset', { offset: null }, undefined],
    ['limit too high', { limit: 21 }, 'limit must be an integer from 1 to 20, got 21'],
    ['limit zero', { limit: 0 }, 'limit must be an integer from 1 to 20, got 0'],
    ['limit a string', { limit: '5' }, 'limit must be an integer from 1 to 20, got "5"'],
    ['fraction', { offset: 1.5 }, 'offset must be an integer >= 0 (or null), got 1.5'],
    ['NaN', { offset: Number.NaN }, 'offset must be an integer >= 0 (or null), got NaN'],
    [
      'unknown type',
      { type: 'archived' },
      'type must be one of "sent", "unsent", "scheduled", got "archived"',
    ],
    ['unknown name', { page: 2 }, 'page must be left out (known: limit, offset, type)'],
  ])('%s', (_, params, message) => {
    expect(checkParams(list, params)?.message).toBe(message);
  });
});

describe('parseQuery (query strings)', () => {
  it.each<[string, string, Record<string, unknown> | string]>([
    ['typed values', 'limit=100&offset=40', { limit: 100, offset: 40 }],
    ['nothing', '', {}],
    ['null offset', 'offset=null', { offset: null }],
    ['unknown names ignored', 'limit=5&foo=bar', { limit: 5 }],
    ['limit too high', 'limit=101', 'limit must be an integer from 1 to 100, got "101"'],
    ['limit not a number', 'limit=ten', 'limit must be an integer from 1 to 100, got "ten"'],
    ['exponent', 'limit=1e1', 'limit must be an integer from 1 to 100, got "1e1"'],
    ['empty', 'limit=', 'limit must be an integer from 1 to 100, got ""'],
    ['negative offset', 'offset=-1', 'offset must be an integer >= 0 (or null), got "-1"'],
    ['twice', 'limit=1&limit=2', 'limit must be given once, got "1,2"'],
    // Integers in their one decimal form only: what the API makes of the others is undocumented.
    ['a leading zero', 'limit=05', 'limit must be an integer from 1 to 100, got "05"'],
    ['a plus sign', 'limit=%2B5', 'limit must be an integer from 1 to 100, got "+5"'],
    ['a decimal point', 'offset=1.0', 'offset must be an integer >= 0 (or null), got "1.0"'],
    ['negative zero', 'offset=-0', 'offset must be an integer >= 0 (or null), got "-0"'],
    ['two zeros', 'offset=00', 'offset must be an integer >= 0 (or null), got "00"'],
    [
      'beyond exact integers',
      'offset=9007199254740993',
      'offset must be an integer >= 0 (or null), got "9007199254740993"',
    ],
    ['zero', 'offset=0', { offset: 0 }],
  ])('%s', (_, query, expected) => {
    const result = parseQuery(purchased, new URLSearchParams(query));
    if (typeof expected === 'string') expect(result.problem?.message).toBe(expected);
    else expect(result).toEqual({ values: expected });
  });

  it('names the parameter and what it allows', () => {
    expect(parseQuery(list, new URLSearchParams('type=archived')).problem).toEqual({
      parameter: 'type',
      allowed: 'one of "sent", "unsent", "scheduled"',
      message: 'type must be one of "sent", "unsent", "scheduled", got "archived"',
    });
  });
});
