// Recorded exchanges ("cassettes"): per operation, the parameters sent (query and path), the
// status and the body the API answered. The recorded upstream replays them; the fixtures test
// validates every body. An operation of the table without a recording is not an error: it is
// reported (see `unrecordedOperations`) and checked against the mocks only.
import { readdirSync, readFileSync } from 'node:fs';
import type { Operation } from '@ofauth-mass-messages/spec';
import { type ContractSpec, contractSpec, filterRules, isOffsetPaged, itemsOf } from './spec.js';

export interface RecordedExchange {
  query: Record<string, string | number>;
  status: number;
  body: unknown;
}

export interface Recording {
  operationId: string;
  /** What the API answers a request without the `apiKey` header. */
  unauthorized: { status: number; body: unknown };
  exchanges: RecordedExchange[];
  /** The file it was read from, for error messages. */
  file: string;
}

function fail(file: string, message: string): never {
  throw new Error(`Recording ${file}: ${message}`);
}

function parseRecording(file: string, text: string, spec: ContractSpec): Recording {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new Error(`Recording ${file} is not JSON`, { cause });
  }
  const value = data as Partial<Recording>;
  if (typeof value.operationId !== 'string') fail(file, 'no "operationId"');
  if (!spec.operations.some((op) => op.operationId === value.operationId)) {
    const known = spec.operations.map((op) => op.operationId).join(', ');
    fail(file, `unknown operationId "${value.operationId}"; the spec has: ${known}`);
  }
  if (!value.unauthorized || typeof value.unauthorized.status !== 'number') {
    fail(file, 'no "unauthorized" { status, body }');
  }
  if (!Array.isArray(value.exchanges) || value.exchanges.length === 0) {
    fail(file, 'no "exchanges"');
  }
  value.exchanges.forEach((exchange, index) => {
    if (typeof exchange?.status !== 'number' || typeof exchange.query !== 'object') {
      fail(file, `exchanges[${index}] needs "query", "status" and "body"`);
    }
  });
  return { ...(value as Omit<Recording, 'file'>), file };
}

/** Every `*.json` recording in `dir`, each naming an operation of the spec. */
export function loadRecordings(dir: URL, spec: ContractSpec = contractSpec()): Recording[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new Error(`No recordings (*.json) in ${dir.pathname}`);
  return names.map((name) => parseRecording(name, readFileSync(new URL(name, dir), 'utf8'), spec));
}

/** The recording of an operation, if there is one. */
export function recordingFor(
  recordings: readonly Recording[],
  operation: Operation,
): Recording | undefined {
  return recordings.find((r) => r.operationId === operation.operationId);
}

/** The operations of the table that have no recording, in table order: checked on mocks only. */
export function unrecordedOperations(
  spec: ContractSpec,
  recordings: readonly Recording[],
): Operation[] {
  return spec.operations.filter((op) => recordingFor(recordings, op) === undefined);
}

/**
 * What a request selects (`type=sent`, a date range, a path parameter): every filter and path
 * parameter of the operation given, a value left out being the spec's default. Values as text, so
 * a typed request and a recorded query compare.
 */
export function filtersOf(operation: Operation, query: Record<string, unknown>): string {
  return JSON.stringify(
    [...operation.pathParams, ...filterRules(operation)].map((rule) => [
      rule.name,
      String(query[rule.name] ?? rule.default),
    ]),
  );
}

/** The recorded 200 exchanges that selected what `filters` selects. */
export function exchangesOf(
  recording: Recording,
  operation: Operation,
  filters: Record<string, unknown> = {},
): RecordedExchange[] {
  const wanted = filtersOf(operation, filters);
  return recording.exchanges.filter(
    (e) => e.status === 200 && filtersOf(operation, e.query) === wanted,
  );
}

/**
 * Every item the account has for one operation and selection, in order. Paged by offset: the
 * items of the recorded pages, sorted by the offset they were recorded at. Without offset, each
 * exchange is the start of the same list (what a `limit` let through): the longest one.
 */
export function recordedItems(
  recording: Recording,
  operation: Operation,
  filters: Record<string, unknown> = {},
): unknown[] {
  const exchanges = exchangesOf(recording, operation, filters);
  if (!isOffsetPaged(operation)) {
    return exchanges
      .map((e) => itemsOf(operation, e.body))
      .reduce<unknown[]>((longest, items) => (items.length > longest.length ? items : longest), []);
  }
  return exchanges
    .sort((a, b) => Number(a.query.offset ?? 0) - Number(b.query.offset ?? 0))
    .flatMap((e) => itemsOf(operation, e.body));
}
