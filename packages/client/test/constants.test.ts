// The runtime enum values come from the spec bundle, not from a list kept by hand.
import { buildOperations } from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type MassMessageType, massMessageTypes } from '../src/index.js';

describe('massMessageTypes', () => {
  it("is the spec's enum of listMassMessages' type parameter", () => {
    const list = buildOperations(readDocument()).find(
      (op) => op.operationId === 'listMassMessages',
    );
    expect(massMessageTypes).toEqual(list?.query.find((rule) => rule.name === 'type')?.enum);
  });

  it('is typed as the MassMessageType union', () => {
    expectTypeOf(massMessageTypes).toEqualTypeOf<readonly MassMessageType[]>();
  });
});
