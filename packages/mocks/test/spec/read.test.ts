import { buildOperations, documentOperation, jsonResponse } from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { describe, expect, it } from 'vitest';
import { specData } from '../../src/generated/spec-data.js';
import { readSpecData } from '../../src/spec/read.js';
import { THIRD, withThirdOperation } from '../helpers/third-operation.js';

describe('readSpecData', () => {
  const doc = readDocument();
  const data = readSpecData(doc);

  it("carries the spec's operations table and, per status, jsonResponse's examples", () => {
    expect(data.operations).toEqual(buildOperations(doc));
    for (const operation of data.operations) {
      for (const { status } of operation.responses) {
        expect(data.responses[operation.operationId]?.[status]?.examples).toEqual(
          jsonResponse(
            documentOperation(doc, operation.operationId).operation.responses,
            status,
            doc,
          )?.examples,
        );
      }
    }
  });

  it('reads the security headers', () => {
    expect(data.authHeaders).toEqual(['apiKey', 'x-connection-id']);
  });

  it('is what the browser copy was generated from', () => {
    expect(specData).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('reads a third operation from a copy of the bundle', () => {
    const third = readSpecData(withThirdOperation());
    expect(third.operations.map((op) => op.operationId)).toContain(THIRD);
    expect(third.itemSchemas[THIRD]).toEqual({ $ref: '#/components/schemas/MassMessage' });
  });
});
