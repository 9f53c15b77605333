// Queries built from an operation's own rules, so that a test driven by the operations table
// sends what each operation accepts, whatever its shape (offset pages, pages without offset).
import type { Operation } from '@ofauth-mass-messages/spec/operations';

/** A first-page query the rules accept: `limit` at its maximum (else minimum), `offset=0` where there is one. */
export function firstPageQuery(operation: Operation): string {
  const params = new URLSearchParams();
  const limit = operation.query.find((rule) => rule.name === 'limit');
  if (limit) params.set('limit', String(limit.maximum ?? limit.minimum ?? 1));
  if (operation.query.some((rule) => rule.name === 'offset')) params.set('offset', '0');
  return params.toString();
}
