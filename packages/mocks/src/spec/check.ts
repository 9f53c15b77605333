// Node only: the check that every record set the mock generates is one the spec accepts. A set is
// checked once, when it is built (at start for the default seed), instead of every response: the
// pages are slices of it. For now with the test-side validator (a workspace package that is
// never published): the mock server's own package will check with Prism's validator instead.
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { formatIssues, SpecValidator } from '@ofauth-mass-messages/spec-validator';
import type { RecordCheck } from '../dataset/store.js';

export function specCheck(doc: OpenApiDocument = readDocument()): RecordCheck {
  const validator = new SpecValidator(doc);
  return (operation, records) => {
    const body = { [operation.itemsField]: records, hasMore: false };
    const result = validator.validateResponse(operation.operationId, 200, body);
    if (!result.valid) {
      throw new Error(
        `The mock's records do not match the spec:\n${formatIssues(operation.operationId, result)}`,
      );
    }
  };
}
