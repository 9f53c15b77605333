// The runtime enum values come from the spec bundle, not from a list kept by hand.
import { getQueryParameters } from '@ofauth-mass-messages/spec';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type MassMessageType, massMessageTypes } from '../src/index.js';

describe('massMessageTypes', () => {
  it("is the spec's enum of listMassMessages' type parameter", () => {
    const type = getQueryParameters('listMassMessages').find((p) => p.name === 'type');
    expect(massMessageTypes).toEqual(type?.schema.enum);
  });

  it('is typed as the MassMessageType union', () => {
    expectTypeOf(massMessageTypes).toEqualTypeOf<readonly MassMessageType[]>();
  });
});
