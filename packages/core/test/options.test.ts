// The one style of option checking: unknown names refused, values checked, secrets never quoted.
import { describe, expect, it } from 'vitest';
import { checkOptions, isHeaderValue, option } from '../src/options.js';

const rules = [
  option.integer('maxRetries', 0, 10),
  option.boolean('lookahead'),
  option.oneOf('logLevel', ['debug', 'off']),
  option.function('fetch'),
  option.header('apiKey'),
];

describe('checkOptions', () => {
  it.each<[string, object, string | undefined]>([
    [
      'all fine',
      { maxRetries: 3, lookahead: true, logLevel: 'off', fetch, apiKey: 'sk_1' },
      undefined,
    ],
    ['undefined means the default', { maxRetries: undefined }, undefined],
    [
      'a misspelt name',
      { maxRetry: 3 },
      'maxRetry must be left out: it is no option (known: maxRetries, lookahead, logLevel, fetch, apiKey)',
    ],
    ['out of range', { maxRetries: 11 }, 'maxRetries must be an integer from 0 to 10, got 11'],
    ['not a boolean', { lookahead: 'yes' }, 'lookahead must be true or false, got "yes"'],
    [
      'not in the list',
      { logLevel: 'trace' },
      'logLevel must be one of "debug", "off", got "trace"',
    ],
    ['not a function', { fetch: {} }, 'fetch must be a function, got an object'],
  ])('%s', (_, values, message) => {
    expect(checkOptions(rules, values)?.message).toBe(message);
  });

  it('never quotes a secret', () => {
    const found = checkOptions(rules, { apiKey: 'sk_live_secret\n' });
    expect(found?.parameter).toBe('apiKey');
    expect(found?.message).not.toContain('sk_live_secret');
  });
});

describe('isHeaderValue', () => {
  it.each([
    ['sk_live_123', true],
    ['', false],
    [' sk', false],
    ['sk ', false],
    ['a\nb', false],
    ['a\rb', false],
    ['a\0b', false],
    ['caf\u00e9', true],
    ['\u20ac', false],
  ])('%j → %s', (value, ok) => {
    expect(isHeaderValue(value)).toBe(ok);
  });
});
