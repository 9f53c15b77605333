// What the spec says, for comparing with what the mock serves.
import {
  formatIssues,
  type SpecValidator,
  validateResponse,
} from '@ofauth-mass-messages/spec-validator';
import { expect } from 'vitest';

/** Asserts that a body is valid for the operation and status, listing every problem if not. */
export function expectValid(
  operationId: string,
  status: number,
  body: unknown,
  validator?: SpecValidator,
): void {
  const result = validator
    ? validator.validateResponse(operationId, status, body)
    : validateResponse(operationId, status, body);
  expect(result.valid, formatIssues(operationId, result)).toBe(true);
}
