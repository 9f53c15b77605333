import { getOperation, type JsonObject, resolveRef } from '@ofauth-mass-messages/spec';
import { describe, expect, it } from 'vitest';
import { parsePrefer, scenarioResponse } from '../../src/dataset/scenarios.js';

describe('parsePrefer', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    ['code=429', { code: 429 }],
    ['code=429, example=rateLimited', { code: 429, example: 'rateLimited' }],
    ['example="lastPage"; code=200', { code: 200, example: 'lastPage' }],
    ['code=abc', {}],
    ['dynamic=true', {}],
  ])('%j → %j', (header, expected) => {
    expect(parsePrefer(header)).toEqual(expected);
  });
});

function exampleValue(operationId: string, status: string, name: string): unknown {
  const response = resolveRef<JsonObject>(
    (getOperation(operationId).operation.responses as JsonObject)[status],
  );
  const media = (response.content as Record<string, JsonObject>)['application/json'] as JsonObject;
  return resolveRef<JsonObject>((media.examples as JsonObject)[name]).value;
}

describe('scenarioResponse', () => {
  it.each([
    ['listMassMessages', 401, 'invalidApiKey'],
    ['listMassMessages', 403, 'connectionNotAllowed'],
    ['listPurchasedMassMessages', 404, 'connectionNotFound'],
    ['listPurchasedMassMessages', 500, 'upstreamFailure'],
  ])('answers %s with its %i example (%s)', (operationId, code, name) => {
    expect(scenarioResponse(operationId, code)).toEqual({
      status: code,
      headers: { 'content-type': 'application/json' },
      body: exampleValue(operationId, String(code), name),
    });
  });

  it("sends 429 with the spec's Retry-After example", () => {
    const response = scenarioResponse('listMassMessages', 429, 'rateLimited');
    expect(response).toMatchObject({ status: 429, headers: { 'retry-after': '30' } });
  });

  it('names the documented statuses when asked for another', () => {
    expect(scenarioResponse('listMassMessages', 418)).toEqual({
      error: expect.stringMatching(/no 418 response.*200, 400, 401, 403, 404, 429, 500/),
    });
  });

  it('names the known examples when asked for an unknown one', () => {
    expect(scenarioResponse('listMassMessages', 429, 'nope')).toEqual({
      error: expect.stringMatching(/no example "nope" for 429; it has: rateLimited/),
    });
  });
});
