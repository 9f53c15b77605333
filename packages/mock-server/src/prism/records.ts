// The start-up check of the records the mock serves: each record set (as one 200 page holding all
// of it) and each object, when the core builds it (at start for the default seed, on first use for
// another), validated by Prism. A set the spec would reject fails the start with the JSON path and rule,
// instead of a 500 from the gate on the first request that reads it.
import type { RecordCheck } from '@ofauth-mass-messages/mocks';
import type { PrismValidator } from './validator.js';

export function recordCheck(validator: PrismValidator): RecordCheck {
  return (operation, body) => {
    const errors = validator
      .validate(operation.operationId, {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body,
      })
      .filter((violation) => violation.severity === 'Error');
    if (errors.length > 0) {
      const lines = errors.map(
        (v) => `${operation.operationId}: ${v.message} (rule "${String(v.code)}")`,
      );
      throw new Error(`The mock's records do not match the spec:\n${lines.join('\n')}`);
    }
  };
}
