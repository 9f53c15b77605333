// Backoff and Retry-After: the arithmetic, with the randomness pinned.
import { describe, expect, it } from 'vitest';
import {
  INITIAL_DELAY_MS,
  isRetryableStatus,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelay,
} from '../src/retry.js';

const NOW = Date.parse('2026-11-21T09:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['30', 30],
    ['0', 0],
    [' 5 ', 5],
    ['1.5', 1.5],
    ['Sat, 21 Nov 2026 09:00:30 GMT', 30],
    ['Sat, 21 Nov 2026 09:02:00 GMT', 120],
    ['Sat, 21 Nov 2026 08:59:00 GMT', 0],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
  ])('%j → %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, NOW)).toBe(seconds);
  });
});

describe('retryDelay', () => {
  it.each([
    [0, 0, INITIAL_DELAY_MS],
    [1, 0, 2 * INITIAL_DELAY_MS],
    [2, 0, 4 * INITIAL_DELAY_MS],
    [10, 0, MAX_BACKOFF_MS],
    [0, 1, 0.75 * INITIAL_DELAY_MS],
    [1, 0.5, 0.875 * 2 * INITIAL_DELAY_MS],
    [10, 1, 0.75 * MAX_BACKOFF_MS],
  ])('retry %i with random %d waits %d ms', (retry, random, expected) => {
    expect(retryDelay(retry, undefined, () => random)).toBe(expected);
  });

  it('never exceeds the cap nor drops below 75 % of it', () => {
    for (let retry = 0; retry < 20; retry++) {
      const delay = retryDelay(retry, undefined) as number;
      expect(delay).toBeGreaterThanOrEqual(
        0.75 * Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_BACKOFF_MS),
      );
      expect(delay).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    }
  });

  // Retry 3 with random 0.9: the backoff without Retry-After is 4 s minus 22.5 %, 3.1 s.
  it.each([
    [0, 3100],
    [2, 3100],
    [3.1, 3100],
    [30, 30_000],
    [MAX_RETRY_AFTER_MS / 1000, MAX_RETRY_AFTER_MS],
    [MAX_RETRY_AFTER_MS / 1000 + 1, undefined],
  ])(
    'Retry-After %d s waits %j ms: what it says, never less than the backoff',
    (seconds, expected) => {
      expect(retryDelay(3, seconds, () => 0.9)).toBe(expected);
    },
  );

  it('never waits less with Retry-After than without it, whatever the retry and jitter', () => {
    for (let retry = 0; retry < 12; retry++) {
      for (const random of [0, 0.5, 1]) {
        const backoff = retryDelay(retry, undefined, () => random) as number;
        for (const seconds of [0, 0.001, 0.25, 1, 7.9]) {
          expect(retryDelay(retry, seconds, () => random)).toBeGreaterThanOrEqual(backoff);
        }
      }
    }
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
    [502, true],
  ])('%i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  // The vendor: RULES_OUTDATED is a 401 to retry (OFAuth updates its rules by itself); the other
  // 401s need a person (a key, a reconnect).
  it.each([
    [401, 'RULES_OUTDATED', true],
    [401, 'UNAUTHORIZED', false],
    [401, 'SESSION_EXPIRED', false],
    [401, 'SESSION_NOT_PROVIDED', false],
    [403, 'FORBIDDEN', false],
    [404, 'RESOURCE_NOT_FOUND', false],
    [429, 'RATE_LIMIT_EXCEEDED', true],
    [401, undefined, false],
  ])('%i of type %s → %s', (status, type, expected) => {
    expect(isRetryableStatus(status, type)).toBe(expected);
  });
});
