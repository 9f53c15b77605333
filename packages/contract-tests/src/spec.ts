// What the checks know about the spec: the operations table and a validator over the same
// document. Every per-operation fact (kind, path and its parameters, item array, query rules,
// page size) is read from the table; nothing here is written per operation. A test can build one
// over a copy of the bundle (a third operation, every shape of the client's fixture) and run the
// same checks with it.
import { createRouter, meetsRule } from '@ofauth-mass-messages/core';
import {
  buildOperations,
  type OffsetPageOperation,
  type OpenApiDocument,
  type Operation,
  type PageOperation,
  type ParamRule,
} from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';

export interface ContractSpec {
  /** The operations table, in document order: every kind (offset pages, single pages, objects). */
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
  return { operations: buildOperations(doc), validator: new SpecValidator(doc) };
}

const routers = new WeakMap<ContractSpec, ReturnType<typeof createRouter>>();

/** Core's router over the spec's operations (the one the mocks and the proxy route with), made once. */
export function routerOf(spec: ContractSpec): ReturnType<typeof createRouter> {
  let router = routers.get(spec);
  if (!router) {
    router = createRouter(spec.operations);
    routers.set(spec, router);
  }
  return router;
}

/**
 * The operation served at a request path (templates such as `/x/{id}/buyers` included), or
 * undefined for a path the spec lacks.
 */
export function operationAt(spec: ContractSpec, pathname: string): Operation | undefined {
  const router = routerOf(spec);
  const match = router.match('GET', pathname);
  return match.kind === 'operation' || match.kind === 'invalid' ? match.operation : undefined;
}

export const isPage = (operation: Operation): operation is PageOperation =>
  operation.kind === 'page';

export const isOffsetPaged = (operation: Operation): operation is OffsetPageOperation =>
  operation.kind === 'page' && operation.paging === 'offset';

/** The names that page a list; every other query parameter selects what is listed. */
const PAGING = new Set(['limit', 'offset']);

/** The query parameters that select what an operation answers (`type`, a date), not page it. */
export function filterRules(operation: Operation): ParamRule[] {
  return operation.query.filter((rule) => !(isPage(operation) && PAGING.has(rule.name)));
}

/** The values a check sends one at a time: every value of an enum, both of a boolean. */
export function choices(rule: ParamRule): readonly (string | number | boolean)[] {
  if (rule.enum) return rule.enum;
  return rule.type === 'boolean' ? [true, false] : [];
}

/** The date and date-time parameters (a range: `startDate`, `endDate`), in document order. */
export function dateRules(operation: Operation): ParamRule[] {
  return filterRules(operation).filter((rule) => rule.format !== undefined && !rule.enum);
}

/**
 * A range every date parameter accepts, in document order (the first is the earliest): October
 * 2026, which the recorded upstream's recordings hold items of (the spec's example items).
 */
const DATE_RANGE = {
  date: ['2026-10-01', '2026-10-31'],
  'date-time': ['2026-10-01T00:00:00Z', '2026-10-31T23:59:59Z'],
} as const;

/** `{ startDate: '2026-10-01T00:00:00Z', endDate: '2026-10-31T23:59:59Z' }` for the operation's date rules. */
export function dateRange(operation: Operation): Record<string, string> {
  const rules = dateRules(operation);
  return Object.fromEntries(
    rules.map((rule, index) => {
      const [from, to] = DATE_RANGE[rule.format ?? 'date-time'];
      return [rule.name, index === rules.length - 1 && index > 0 ? to : from];
    }),
  );
}

/** Candidates for a path value, plain first, then ones whose every character must be encoded. */
const PATH_CANDIDATES: Record<ParamRule['type'], readonly unknown[]> = {
  string: ['2954107733', 'a b/c?d#e%', 'x'],
  integer: [2954107733, 1, 0],
  number: [2954107733, 1.5, 0],
  boolean: [true],
};

/**
 * A value of each path parameter its rule accepts (core's check, the one the client, the mocks and
 * the proxy apply), `encoded` preferring one that needs percent-encoding; a rule no candidate
 * meets is refused by name, so that no check runs with a value the target would refuse.
 */
export function pathValues(
  operation: Operation,
  { encoded = false }: { encoded?: boolean } = {},
): Record<string, unknown> {
  return Object.fromEntries(
    operation.pathParams.map((rule) => {
      const candidates = rule.enum ?? PATH_CANDIDATES[rule.type];
      const ordered = encoded ? [...candidates].reverse() : candidates;
      const fits = ordered.filter((value) => meetsRule(rule, value));
      const value =
        (encoded ? fits.find((v) => encodeURIComponent(String(v)) !== String(v)) : undefined) ??
        fits[0];
      if (value === undefined) {
        throw new Error(
          `${operation.operationId}: no sample value of path parameter ${rule.name} meets its rule (${rule.allowed}); add one to PATH_CANDIDATES`,
        );
      }
      return [rule.name, value];
    }),
  );
}

/** `offset`'s smallest value (0 when the spec sets none). */
export function firstOffset(operation: Operation): number {
  return operation.query.find((rule) => rule.name === 'offset')?.minimum ?? 0;
}

/** The item array of a page body of `operation`; empty when the body has none. */
export function itemsOf(operation: Operation, body: unknown): unknown[] {
  if (!isPage(operation)) return [];
  const items = (body as Record<string, unknown> | null | undefined)?.[operation.itemsField];
  return Array.isArray(items) ? items : [];
}
