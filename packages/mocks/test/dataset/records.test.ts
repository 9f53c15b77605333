// The generator keeps its own list of statuses (each has its own dates: scheduled ones lie in the
// future), so this pins it to the spec's enum: a status added to the spec fails here, not silently.
import { getQueryParameters } from '@ofauth-mass-messages/spec';
import { describe, expect, it } from 'vitest';
import { MASS_MESSAGE_TYPES } from '../../src/dataset/records.js';

describe('MASS_MESSAGE_TYPES', () => {
  it("lists exactly the spec's values of listMassMessages' type", () => {
    const type = getQueryParameters('listMassMessages').find((p) => p.name === 'type');
    const values = (type?.schema.enum ?? []) as string[];
    expect(values.length).toBeGreaterThan(0);
    expect([...MASS_MESSAGE_TYPES].sort()).toEqual([...values].sort());
  });
});
