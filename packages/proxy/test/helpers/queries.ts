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

/**
 * The operation's path with each path parameter filled in by a value its rule accepts (the first
 * enum value, else the smallest integer or number from 1, else a plain string), encoded.
 */
export function pathOf(operation: Operation): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(pathValues(operation)[name])),
  );
}

/** The values `pathOf` fills in, by name: what a client call of the operation takes. */
export function pathValues(operation: Operation): Record<string, string | number | boolean> {
  return Object.fromEntries(
    operation.pathParams.map((rule) => {
      const numeric = rule.type === 'integer' || rule.type === 'number';
      const value = rule.enum?.[0] ?? (numeric ? Math.max(rule.minimum ?? 1, 1) : 'm1');
      return [rule.name, value as string | number | boolean];
    }),
  );
}
