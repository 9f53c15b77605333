import { formatIssues, validateResponse } from '@ofauth-mass-messages/spec-validator';
import { describe, expect, it } from 'vitest';
import { createDataset, DEFAULT_DATASET_NOW } from '../../src/dataset/generate.js';
import { MASS_MESSAGE_TYPES } from '../../src/dataset/records.js';
import { readSpecData } from '../../src/spec/read.js';
import { SCHEMA_EDITS, type SchemaEdit, withSchemaEdit } from '../helpers/fixtures.js';

const dataset = createDataset({ seed: 1, massMessages: 137, purchased: 250 });
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;
const now = DEFAULT_DATASET_NOW.getTime();

describe('createDataset', () => {
  it('holds 137 mass messages across the three types and 250 purchased ones', () => {
    const counts = MASS_MESSAGE_TYPES.map((type) => dataset.massMessages[type].length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(137);
    for (const count of counts) expect(count).toBeGreaterThan(0);
    expect(dataset.purchased).toHaveLength(250);
  });

  it('gives every record its own id', () => {
    const ids = [...Object.values(dataset.massMessages).flat(), ...dataset.purchased].map(
      (r) => r.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(createDataset({ seed: 1 })).toEqual(dataset);
    expect(createDataset({ seed: 2 })).not.toEqual(dataset);
  });

  it.each(MASS_MESSAGE_TYPES)('lists %s messages newest first, with ISO dates', (type) => {
    const dates = dataset.massMessages[type].map((record) => record.date as string);
    for (const date of dates) expect(date).toMatch(ISO);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("puts scheduled messages after the dataset's now and the others before it", () => {
    for (const type of MASS_MESSAGE_TYPES) {
      for (const record of dataset.massMessages[type]) {
        const time = Date.parse(record.date as string);
        if (type === 'scheduled') expect(time).toBeGreaterThan(now);
        else expect(time).toBeLessThan(now);
      }
    }
  });

  it('writes prices as decimal strings and free messages at 0.00', () => {
    for (const record of [...Object.values(dataset.massMessages).flat(), ...dataset.purchased]) {
      expect(record.price).toMatch(/^\d+\.\d\d$/);
      if (record.isFree === true) expect(record.price).toBe('0.00');
    }
  });

  it('lists purchased messages newest first', () => {
    const dates = dataset.purchased.map((record) => record.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it.each([1, 2, 3, 99])('matches the spec for seed %i', (seed) => {
    const { massMessages, purchased } = createDataset({ seed });
    const list = validateResponse('listMassMessages', 200, {
      list: Object.values(massMessages).flat(),
      hasMore: false,
    });
    expect(list.valid, formatIssues('listMassMessages', list)).toBe(true);
    const items = validateResponse('listPurchasedMassMessages', 200, {
      items: purchased,
      hasMore: false,
    });
    expect(items.valid, formatIssues('listPurchasedMassMessages', items)).toBe(true);
  });

  it.each([
    [0, 0],
    [1, 1],
    [5, 3],
  ])('sizes to %i mass messages and %i purchased', (massMessages, purchased) => {
    const small = createDataset({ seed: 4, massMessages, purchased });
    expect(Object.values(small.massMessages).flat()).toHaveLength(massMessages);
    expect(small.purchased).toHaveLength(purchased);
  });

  it("splits over the spec's types, one the spec adds included", () => {
    const edit = SCHEMA_EDITS.find((e) => e.name.startsWith('an enum value (')) as SchemaEdit;
    const spec = readSpecData(withSchemaEdit(edit));
    const withNew = createDataset({ spec, seed: 1, massMessages: 137 });
    expect(Object.keys(withNew.massMessages)).toEqual([...MASS_MESSAGE_TYPES, 'archived']);
    expect(withNew.massMessages.archived?.length).toBeGreaterThan(0);
    expect(Object.values(withNew.massMessages).flat()).toHaveLength(137);
  });
});
