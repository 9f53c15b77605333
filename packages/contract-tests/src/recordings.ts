// Recorded exchanges ("cassettes"): per operation, the query sent, the status and the body the
// API answered. The recorded upstream replays them; the fixtures test validates every body.
import { readdirSync, readFileSync } from 'node:fs';
import { operationFacts } from './spec-facts.js';

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

function parseRecording(file: string, text: string): Recording {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new Error(`Recording ${file} is not JSON`, { cause });
  }
  const value = data as Partial<Recording>;
  if (typeof value.operationId !== 'string') fail(file, 'no "operationId"');
  operationFacts(value.operationId); // throws, naming the known operations, for an unknown one
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

/** Every `*.json` recording in `dir`. */
export function loadRecordings(dir: URL): Recording[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new Error(`No recordings (*.json) in ${dir.pathname}`);
  return names.map((name) => parseRecording(name, readFileSync(new URL(name, dir), 'utf8')));
}

/** The type filter a recorded exchange was made with: its query's, or the spec's default. */
export function recordedType(operationId: string, exchange: RecordedExchange): string | undefined {
  const filter = operationFacts(operationId).type;
  if (!filter) return undefined;
  return exchange.query.type === undefined ? filter.default : String(exchange.query.type);
}

/**
 * Every item the account has, in order, for one operation and type filter: the items of the
 * recorded 200 pages, sorted by the offset they were recorded at.
 */
export function recordedItems(recording: Recording, type: string | undefined): unknown[] {
  const { itemsKey } = operationFacts(recording.operationId);
  return recording.exchanges
    .filter((e) => e.status === 200 && recordedType(recording.operationId, e) === type)
    .sort((a, b) => Number(a.query.offset ?? 0) - Number(b.query.offset ?? 0))
    .flatMap((e) => ((e.body as Record<string, unknown>)[itemsKey] as unknown[] | undefined) ?? []);
}
