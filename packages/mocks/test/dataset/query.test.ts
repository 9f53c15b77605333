import { describe, expect, it } from 'vitest';
import { readQuery } from '../../src/dataset/query.js';

describe('readQuery', () => {
  it("fills in the spec's defaults", () => {
    expect(readQuery('listMassMessages', new URLSearchParams())).toEqual({
      ok: true,
      values: { limit: 10, offset: 0, type: 'sent' },
    });
    expect(readQuery('listPurchasedMassMessages', new URLSearchParams())).toEqual({
      ok: true,
      values: { limit: 20, offset: 0 },
    });
  });

  it('reads given values', () => {
    expect(
      readQuery('listMassMessages', new URLSearchParams('limit=20&offset=40&type=scheduled')),
    ).toEqual({
      ok: true,
      values: { limit: 20, offset: 40, type: 'scheduled' },
    });
  });

  it.each([
    ['listMassMessages', 'limit=0', 'limit', /limit must be between 1 and 20, got 0/],
    ['listMassMessages', 'limit=21', 'limit', /limit must be between 1 and 20, got 21/],
    ['listPurchasedMassMessages', 'limit=101', 'limit', /limit must be between 1 and 100, got 101/],
    ['listMassMessages', 'limit=-1', 'limit', /limit must be between 1 and 20/],
    ['listMassMessages', 'limit=abc', 'limit', /limit must be an integer, got "abc"/],
    ['listMassMessages', 'limit=2.5', 'limit', /limit must be an integer/],
    ['listMassMessages', 'offset=-1', 'offset', /offset must be at least 0, got -1/],
    [
      'listMassMessages',
      'type=bogus',
      'type',
      /type must be one of sent, unsent, scheduled, got "bogus"/,
    ],
  ])('%s?%s is refused, naming %s', (operationId, query, parameter, message) => {
    const result = readQuery(operationId, new URLSearchParams(query));
    expect(result).toMatchObject({ ok: false, parameter });
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});
