// The one parameter check, both ways: typed values a client sends, text a server receives, and
// the canonical text of every accepted value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkParams,
  fillPath,
  formatValue,
  parseQuery,
  parseText,
  queryString,
} from '../src/params.js';
import { day, id, limit, offset, query, rule, startDate, type, withTotal } from './rules.js';

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
      'unsafe integer',
      { offset: 2 ** 53 },
      `offset must be an integer >= 0 (or null), got ${2 ** 53}`,
    ],
    [
      'unknown type',
      { type: 'archived' },
      'type must be one of "sent", "unsent", "scheduled", got "archived"',
    ],
    [
      'unknown name',
      { page: 2 },
      'page must be left out (known: limit, offset, type, startDate, day, withTotal, ratio, code)',
    ],
    ['a date-time', { startDate: '2026-02-01T10:00:00Z' }, undefined],
    ['a date-time with an offset', { startDate: '2026-02-01T10:00:00.250+05:30' }, undefined],
    ['a Date for a date-time', { startDate: new Date('2026-02-01T10:00:00Z') }, undefined],
    [
      'a date for a date-time',
      { startDate: '2026-02-01' },
      'startDate must be a date-time such as "2026-02-01T00:00:00Z", got "2026-02-01"',
    ],
    [
      '31 April',
      { day: '2026-04-31' },
      'day must be a date such as "2026-02-01", got "2026-04-31"',
    ],
    ['29 February of a leap year', { day: '2028-02-29' }, undefined],
    [
      '29 February of another year',
      { day: '2026-02-29' },
      'day must be a date such as "2026-02-01", got "2026-02-29"',
    ],
    [
      '25 o’clock',
      { startDate: '2026-02-01T25:00:00Z' },
      'startDate must be a date-time such as "2026-02-01T00:00:00Z", got "2026-02-01T25:00:00Z"',
    ],
    [
      'an invalid Date',
      { day: new Date(Number.NaN) },
      'day must be a date such as "2026-02-01", got an invalid Date',
    ],
    ['a boolean', { withTotal: true }, undefined],
    ['a boolean as text', { withTotal: 'true' }, 'withTotal must be true or false, got "true"'],
    ['an exclusive minimum', { ratio: 0 }, 'ratio must be a number > 0 and <= 1, got 0'],
    [
      'a pattern',
      { code: 'ABC' },
      'code must be a string of at least 2 characters matching /^[a-z]{2}$/, got "ABC"',
    ],
  ])('%s', (_, params, message) => {
    expect(checkParams(query, params)?.message).toBe(message);
  });

  it('refuses a required parameter left out, naming it', () => {
    expect(checkParams([id], {})?.message).toBe('id must be given (an integer >= 1)');
  });
});

describe('parseQuery (a server reading text)', () => {
  it.each<[string, string, Record<string, unknown> | string]>([
    ['typed values', 'limit=10&offset=40', { limit: 10, offset: 40 }],
    ['nothing', '', {}],
    ['null offset', 'offset=null', { offset: null }],
    ['leading zeros read as the number', 'limit=05', { limit: 5 }],
    ['minus zero read as zero', 'offset=-0', { offset: 0 }],
    ['a boolean', 'withTotal=false', { withTotal: false }],
    ['a date-time', 'startDate=2026-02-01T00%3A00%3A00Z', { startDate: '2026-02-01T00:00:00Z' }],
    ['limit too high', 'limit=21', 'limit must be an integer from 1 to 20, got "21"'],
    [
      'a fraction for an integer',
      'offset=1.0',
      'offset must be an integer >= 0 (or null), got "1.0"',
    ],
    ['a plus sign', 'limit=%2B5', 'limit must be an integer from 1 to 20, got "+5"'],
    ['an exponent', 'limit=1e1', 'limit must be an integer from 1 to 20, got "1e1"'],
    ['spaces', 'limit=%205', 'limit must be an integer from 1 to 20, got " 5"'],
    ['empty', 'limit=', 'limit must be an integer from 1 to 20, got ""'],
    ['a boolean spelt otherwise', 'withTotal=1', 'withTotal must be true or false, got "1"'],
    ['a malformed date', 'day=2026-2-1', 'day must be a date such as "2026-02-01", got "2026-2-1"'],
    ['twice', 'limit=1&limit=2', 'limit must be given once, got "1,2"'],
  ])('%s', (_, search, expected) => {
    const result = parseQuery(query, new URLSearchParams(search));
    if (typeof expected === 'string') expect(result.problem?.message).toBe(expected);
    else expect(result).toEqual({ values: expected, unknown: [] });
  });

  it('lists the names no rule has, once each', () => {
    expect(parseQuery([limit], new URLSearchParams('limit=5&foo=1&foo=2&bar'))).toEqual({
      values: { limit: 5 },
      unknown: ['foo', 'bar'],
    });
  });
});

describe('canonical text', () => {
  it('serialises a query in rule order, leaving out null and undefined', () => {
    expect(
      queryString(query, { type: 'sent', offset: null, limit: 5, withTotal: true, day: undefined }),
    ).toBe('?limit=5&type=sent&withTotal=true');
    expect(queryString(query, {})).toBe('');
  });

  it.each([
    [startDate, new Date('2026-02-01T10:00:00Z'), '2026-02-01T10:00:00.000Z'],
    [day, new Date('2026-02-01T23:30:00Z'), '2026-02-01'],
    [withTotal, false, 'false'],
    [limit, 7, '7'],
  ] as const)('formats %s', (rule, value, text) => {
    expect(formatValue(rule, value)).toBe(text);
  });

  it.each(['', '.', '..'])(
    'refuses %j as a path segment (no segment, or one a URL parser resolves)',
    (value) => {
      const name = rule('id', { type: 'string' }, { in: 'path', required: true });
      expect(checkParams([name], { id: value })?.message).toBe(
        `id must be a string, got ${JSON.stringify(value)}`,
      );
      // Encoding does not help: to a URL parser `%2E` is a dot.
      expect(new URL('https://api.test/x/%2E%2E/buyers').pathname).toBe('/buyers');
    },
  );

  it('keeps dots inside a segment', () => {
    const name = rule('id', { type: 'string' }, { in: 'path', required: true });
    expect(checkParams([name], { id: 'a.b' })).toBeUndefined();
    expect(fillPath('/x/{id}/buyers', [name], { id: 'a.b' })).toBe('/x/a.b/buyers');
  });

  it('fills a path template with encoded segments', () => {
    const name = rule('name', { type: 'string' }, { in: 'path', required: true });
    expect(fillPath('/x/{id}/buyers/{name}', [id, name], { id: 12, name: 'a/b c' })).toBe(
      '/x/12/buyers/a%2Fb%20c',
    );
  });

  it('reads back every text it accepts as the same canonical text (property)', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(limit, offset, type, withTotal, day, startDate),
        fc.string(),
        (rule, text) => {
          runs++;
          const value = parseText(rule, text);
          if (value === undefined || value === null) return;
          // What a proxy forwards is read by the API as the same value.
          expect(parseText(rule, formatValue(rule, value))).toEqual(value);
        },
      ),
      { numRuns: 2000 },
    );
    expect(runs).toBe(2000);
  });

  it('accepts an integer text only when its canonical form is the same number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.nat(3), (n, zeros) => {
        expect(parseText(limit, `${'0'.repeat(zeros)}${n}`)).toBe(n);
      }),
    );
  });
});
