import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatMediaSummary,
  formatPrice,
  formatSender,
} from '../src/format';

describe('formatPrice', () => {
  it.each([
    ['12.99', undefined, '$12.99'],
    ['5', undefined, '$5.00'],
    ['0.00', true, 'Free'],
    ['3.00', false, '$3.00'],
    [undefined, undefined, '—'],
    ['', undefined, '—'],
    ['n/a', undefined, 'n/a'],
  ])('%o (isFree %o) → %s', (price, isFree, expected) => {
    expect(formatPrice(price, isFree)).toBe(expected);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [1843, '1,843'],
    [undefined, '—'],
  ])('%o → %s', (count, expected) => {
    expect(formatCount(count)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-11-21T09:00:00+00:00', '2026-11-21 09:00 UTC'],
    ['2026-11-21T11:30:00+02:00', '2026-11-21 09:30 UTC'],
    ['yesterday', 'yesterday'],
    [undefined, '—'],
  ])('%o → %s', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });
});

describe('formatSender', () => {
  it.each([
    [{ id: 318275641, name: 'Mia Laurent' }, 'Mia Laurent'],
    [{ id: 318275641 }, '#318275641'],
    [{ id: 7, name: '' }, '#7'],
  ])('%o → %s', (fromUser, expected) => {
    expect(formatSender(fromUser)).toBe(expected);
  });
});

describe('formatMediaSummary', () => {
  it.each([
    [[], '—'],
    [[{ type: 'photo' }], '1 photo'],
    [[{ type: 'photo' }, { type: 'video' }, { type: 'photo' }], '2 photos · 1 video'],
  ])('%o → %s', (media, expected) => {
    expect(formatMediaSummary(media)).toBe(expected);
  });
});
