// The one style of option checking: unknown names refused, values checked, secrets never quoted.
import { describe, expect, it } from 'vitest';
import { checkOptions, closest, isHeaderValue, option } from '../src/options.js';

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
      'maxRetry must be left out: it is no option (did you mean maxRetries? known: maxRetries, lookahead, logLevel, fetch, apiKey)',
    ],
    [
      'a name near none',
      { timeout: 3 },
      'timeout must be left out: it is no option (known: maxRetries, lookahead, logLevel, fetch, apiKey)',
    ],
    ['a name left undefined', { timeout: undefined }, undefined],
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

  it('names an option inside another by its path', () => {
    const rules = [option.integer('capacity', 1), option.number('refillPerMinute', 0)];
    expect(checkOptions(rules, { capacity: 0 }, 'rateLimit.')).toMatchObject({
      parameter: 'rateLimit.capacity',
      message: 'rateLimit.capacity must be an integer >= 1, got 0',
    });
    expect(checkOptions(rules, { capacty: 5 }, 'rateLimit.')?.message).toBe(
      'rateLimit.capacty must be left out: it is no option (did you mean capacity? known: capacity, refillPerMinute)',
    );
  });

  it.each([
    [60, true],
    [0.5, true],
    [0, false],
    [-1, false],
    [Number.POSITIVE_INFINITY, false],
    [Number.NaN, false],
    ['60', false],
  ])('option.number: a number > 0 accepts %j: %s', (value, ok) => {
    expect(option.number('refillPerMinute', 0).accepts(value)).toBe(ok);
    expect(option.number('refillPerMinute', 0).allowed).toBe('a number > 0');
  });

  it.each([
    ['a line feed', 'sk_live_secret\nX-Injected: 1'],
    ['a bell', 'sk_live_\u0007secret'],
    ['a character above Latin-1', 'sk_live_ключ_secret'],
    ['a trailing no-break space', 'sk_live_secret\u00a0'],
    ['a number', 424242],
  ])('refuses a credential with %s, saying what a header carries, never quoting it', (_, value) => {
    const found = checkOptions(rules, { apiKey: value });
    expect(found).toEqual({
      parameter: 'apiKey',
      allowed:
        'a non-empty string a header can carry: Latin-1 only, no control characters (CR, LF, NUL…), no leading or trailing whitespace',
      message:
        'apiKey must be a non-empty string a header can carry: Latin-1 only, no control characters (CR, LF, NUL…), no leading or trailing whitespace',
    });
  });
});

describe('closest', () => {
  const known = ['apiKey', 'maxRetries', 'rateLimit', 'timeoutMs', 'basePath', 'fetch'];
  it.each([
    ['rateLimt', 'rateLimit'],
    ['apikey', 'apiKey'],
    ['APIKEY', 'apiKey'],
    ['basepath', 'basePath'],
    ['maxRetry', 'maxRetries'],
    ['retries', 'maxRetries'],
    ['timeout', 'timeoutMs'],
    ['fetcher', 'fetch'],
    ['logger', undefined],
    ['x', undefined],
    ['connectionId', undefined],
  ])('%s → %s', (name, expected) => {
    expect(closest(name, known)).toBe(expected);
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
