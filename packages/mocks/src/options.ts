// The options of startMockServer and of the CLI, checked once so that a bad value fails with a
// message naming it instead of a Prism crash later.

/** What the mock serves: the spec's named examples, data generated from its schemas, or a dataset. */
export type MockMode = 'examples' | 'dynamic' | 'dataset';

export const MOCK_MODES: readonly MockMode[] = ['examples', 'dynamic', 'dataset'];

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;
/** The dataset needs a seed to be a fixed set of records; this one is used when none is given. */
export const DEFAULT_DATASET_SEED = 1;
/** How long a start may take before the child is killed and the start rejected. */
export const DEFAULT_START_TIMEOUT_MS = 60_000;

export interface MockServerOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `examples`. */
  mode?: MockMode;
  /**
   * dynamic: makes the generated bodies repeatable (without it they change on every request);
   * dataset: picks the fixed set of records (default 1). Ignored in examples mode.
   */
  seed?: number;
  /** dataset mode: how many records of each operation. */
  dataset?: DatasetSize;
  /** Another OpenAPI document than the spec's bundle (to try a draft, or in tests). */
  document?: string;
  /** Kill the child and reject when the server does not answer within this time. */
  startTimeoutMs?: number;
  /**
   * Called with each line Prism prints (requests, violations), API keys redacted. Without it Prism
   * logs warnings and errors only, which serves noticeably more requests per second.
   */
  onLog?: (line: string) => void;
}

export interface DatasetSize {
  massMessages?: number;
  purchased?: number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  mode: MockMode;
  seed: number | undefined;
  dataset: Required<DatasetSize>;
  document: string | undefined;
  startTimeoutMs: number;
  onLog: ((line: string) => void) | undefined;
}

export const DEFAULT_DATASET_SIZE: Required<DatasetSize> = { massMessages: 137, purchased: 250 };

function assertInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `Invalid ${name}: ${JSON.stringify(value)}; expected an integer from ${min} to ${max}.`,
    );
  }
  return value;
}

/** Fills in defaults and rejects out-of-range values with a message naming the option. */
export function resolveOptions(options: MockServerOptions = {}): ResolvedOptions {
  const mode = options.mode ?? 'examples';
  if (!MOCK_MODES.includes(mode)) {
    throw new TypeError(
      `Invalid mode: ${JSON.stringify(mode)}; expected one of ${MOCK_MODES.join(', ')}.`,
    );
  }
  const host = options.host ?? DEFAULT_HOST;
  if (typeof host !== 'string' || host.trim() === '') {
    throw new TypeError(`Invalid host: ${JSON.stringify(host)}; expected a host name or address.`);
  }
  const port = assertInteger('port', options.port ?? DEFAULT_PORT, 0, 65_535);
  let seed =
    options.seed === undefined
      ? undefined
      : assertInteger('seed', options.seed, 0, Number.MAX_SAFE_INTEGER);
  if (mode === 'dataset') seed ??= DEFAULT_DATASET_SEED;
  const dataset = {
    massMessages: assertInteger(
      'dataset.massMessages',
      options.dataset?.massMessages ?? DEFAULT_DATASET_SIZE.massMessages,
      0,
      100_000,
    ),
    purchased: assertInteger(
      'dataset.purchased',
      options.dataset?.purchased ?? DEFAULT_DATASET_SIZE.purchased,
      0,
      100_000,
    ),
  };
  const startTimeoutMs = assertInteger(
    'startTimeoutMs',
    options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    1,
    600_000,
  );
  return {
    port,
    host,
    mode,
    seed,
    dataset,
    document: options.document,
    startTimeoutMs,
    onLog: options.onLog,
  };
}
