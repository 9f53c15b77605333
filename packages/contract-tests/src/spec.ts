// What the checks know about the spec: the operations table and a validator over the same
// document. Every per-operation fact (path, item array, query rules, page size) is read from the
// table; nothing here is written per operation. A test can build one over a copy of the bundle
// (a third operation, say) and run the same checks with it.
import {
  buildOperations,
  type OpenApiDocument,
  type OffsetPageOperation as Operation,
  type ParamRule as QueryRule,
} from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';

export interface ContractSpec {
  /** The operations table, in document order. */
  operations: readonly Operation[];
  /** Validates response bodies against the same document the table came from. */
  validator: SpecValidator;
}

let bundled: ContractSpec | undefined;

/** The spec of `doc`; without one, the built bundle's (made once per process). */
export function contractSpec(doc?: OpenApiDocument): ContractSpec {
  if (doc === undefined) {
    bundled ??= contractSpec(readDocument());
    return bundled;
  }
  // The checks page through lists; other kinds of operation get theirs with issue 20's work.
  const operations = buildOperations(doc).filter(
    (op): op is Operation => op.kind === 'page' && op.paging === 'offset',
  );
  return { operations, validator: new SpecValidator(doc) };
}

/** The operation served at a request path, or undefined for a path the spec does not have. */
export function operationAt(spec: ContractSpec, pathname: string): Operation | undefined {
  return spec.operations.find((op) => op.path === pathname);
}

/** The names that page a list; every other query parameter filters it. */
const PAGING = new Set(['limit', 'offset']);

/** The query parameters that filter the list (`type`), not page it. */
export function filterRules(operation: Operation): QueryRule[] {
  return operation.query.filter((rule) => !PAGING.has(rule.name));
}

/** `offset`'s smallest value (0 when the spec sets none). */
export function firstOffset(operation: Operation): number {
  return operation.query.find((rule) => rule.name === 'offset')?.minimum ?? 0;
}

/** The item array of a page body of `operation`; empty when the body has none. */
export function itemsOf(operation: Operation, body: unknown): unknown[] {
  const items = (body as Record<string, unknown> | null | undefined)?.[operation.itemsField];
  return Array.isArray(items) ? items : [];
}
