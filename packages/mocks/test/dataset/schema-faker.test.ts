// The schema faker: every value it makes is one the spec accepts, the same seed makes the same
// values, and the spec's x-faker hints shape them.
import { readDocument as loadSpec } from '@ofauth-mass-messages/spec/node';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/core/spec-data.js';
import { createRandom } from '../../src/dataset/random.js';
import { fakeValue } from '../../src/dataset/schema-faker.js';
import { readSpecData } from '../../src/spec/read.js';
import { expectValid } from '../helpers/spec.js';

const spec = readSpecData(loadSpec());
const schemas = loadSpec().components?.schemas as Record<string, JsonSchema>;
const fake = (schema: JsonSchema, seed = 1) =>
  fakeValue(schema, { random: createRandom(seed), schemas });

describe('fakeValue', () => {
  it.each(operations)('makes $itemSchema items the spec accepts, seed after seed', (operation) => {
    const schema = spec.itemSchemas[operation.operationId] ?? {};
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const items = Array.from({ length: 5 }, (_, i) => fake(schema, seed * 10 + i));
      expectValid(operation.operationId, 200, { [operation.itemsField]: items, hasMore: false });
    }
  });

  it('makes the same value for the same seed, another for another seed', () => {
    const schema = { $ref: '#/components/schemas/MassMessage' };
    expect(fake(schema, 3)).toEqual(fake(schema, 3));
    expect(fake(schema, 3)).not.toEqual(fake(schema, 4));
  });

  it.each<[string, JsonSchema, (value: unknown) => boolean]>([
    [
      'a number range',
      { type: 'integer', 'x-faker': { 'datatype.number': { min: 5, max: 7 } } },
      (v) => typeof v === 'number' && v >= 5 && v <= 7,
    ],
    [
      'a pick from a list',
      { type: 'string', 'x-faker': { 'helpers.arrayElement': [['a', 'b']] } },
      (v) => v === 'a' || v === 'b',
    ],
    [
      'a pattern with ranges',
      { type: 'string', 'x-faker': { 'helpers.regexpStyleStringParse': ['x/[10-12]/y'] } },
      (v) => /^x\/1[0-2]\/y$/.test(String(v)),
    ],
    [
      'a price',
      { type: 'string', 'x-faker': { 'commerce.price': [3, 50, 2] } },
      (v) => /^\d+\.\d\d$/.test(String(v)),
    ],
    ['an enum', { enum: ['photo', 'video'] }, (v) => v === 'photo' || v === 'video'],
    ['an integer range', { type: 'integer', minimum: 2, maximum: 3 }, (v) => v === 2 || v === 3],
    [
      'an unknown hint, by type',
      { type: 'boolean', 'x-faker': 'nothing.known' },
      (v) => typeof v === 'boolean',
    ],
    [
      'a hint of the wrong type, by type',
      { type: 'integer', 'x-faker': { 'helpers.arrayElement': [['x']] } },
      (v) => Number.isInteger(v),
    ],
    ['no type at all', {}, (v) => v === null],
  ])('follows %s', (_case, schema, fits) => {
    for (const seed of [1, 2, 3, 4, 5]) expect(fits(fake(schema, seed))).toBe(true);
  });

  it('names an unknown reference', () => {
    expect(() => fake({ $ref: '#/components/schemas/Nothing' })).toThrow(
      'Unresolvable reference #/components/schemas/Nothing',
    );
  });
});
