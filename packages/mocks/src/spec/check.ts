// Node only: the check that every record set the mock generates is one the spec accepts, with
// the spec's own validator. A set is checked once, when it is built (at start for the default
// seed), instead of every response: the pages are slices of it.
import {
  formatIssues,
  loadSpec,
  type OpenApiDocument,
  SpecValidator,
} from '@ofauth-mass-messages/spec';
import type { RecordCheck } from '../dataset/store.js';

export function specCheck(doc: OpenApiDocument = loadSpec()): RecordCheck {
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
