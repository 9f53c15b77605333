// The checks take their limits and shapes from the spec; these pin what they read.
import { describe, expect, it } from 'vitest';
import { allOperationFacts, operationAtPath, operationFacts } from '../src/spec-facts.js';

describe('operationFacts', () => {
  it('reads listMassMessages: list key, limit 1..20 (10), offset >= 0, three types', () => {
    expect(operationFacts('listMassMessages')).toEqual({
      operationId: 'listMassMessages',
      path: '/v2/access/mass-messages',
      itemsKey: 'list',
      limit: { min: 1, max: 20, default: 10 },
      offset: { min: 0, default: 0 },
      type: { values: ['sent', 'unsent', 'scheduled'], default: 'sent' },
    });
  });

  it('reads listPurchasedMassMessages: items key, limit 1..100 (20), no type', () => {
    expect(operationFacts('listPurchasedMassMessages')).toEqual({
      operationId: 'listPurchasedMassMessages',
      path: '/v2/access/analytics/mass-messages/purchased',
      itemsKey: 'items',
      limit: { min: 1, max: 100, default: 20 },
      offset: { min: 0, default: 0 },
    });
  });

  it('names the known operations for an unknown one', () => {
    expect(() => operationFacts('sendMassMessage')).toThrow(
      /Unknown operationId "sendMassMessage"; the spec has: listMassMessages, listPurchasedMassMessages/,
    );
  });

  it('lists both operations and finds them by path', () => {
    expect(allOperationFacts()).toHaveLength(2);
    expect(operationAtPath('/v2/access/analytics/mass-messages/purchased')?.operationId).toBe(
      'listPurchasedMassMessages',
    );
    expect(operationAtPath('/v2/access/mass-messages/')).toBeUndefined();
  });
});
