// What the spec says, read from the bundle, for comparing with what the mock serves.
import {
  formatIssues,
  getOperation,
  type JsonObject,
  resolveRef,
  validateResponse,
} from '@ofauth-mass-messages/spec';
import { expect } from 'vitest';

/** The named examples of an operation's response for a status: `{ firstPage: {...}, ... }`. */
export function examplesOf(operationId: string, status: number): Record<string, unknown> {
  const declared = (getOperation(operationId).operation.responses as JsonObject)[String(status)];
  const response = resolveRef<JsonObject>(declared);
  const media = (response.content as Record<string, JsonObject>)['application/json'] as JsonObject;
  return Object.fromEntries(
    Object.entries(media.examples as JsonObject).map(([name, example]) => [
      name,
      resolveRef<JsonObject>(example).value,
    ]),
  );
}

/** The statuses an operation documents, other than 200. */
export function errorStatuses(operationId: string): number[] {
  return Object.keys(getOperation(operationId).operation.responses as JsonObject)
    .map(Number)
    .filter((status) => status !== 200);
}

/** Asserts that a body is valid for the operation and status, listing every problem if not. */
export function expectValid(operationId: string, status: number, body: unknown): void {
  const result = validateResponse(operationId, status, body);
  expect(result.valid, formatIssues(operationId, result)).toBe(true);
}
