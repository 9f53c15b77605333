// The options every mock shares (the Node server, the Fetch function, the MSW handlers), checked
// once so that a bad value fails with a message naming it. Browser-safe: no Node imports.
import { type BucketOptions, VENDOR_RATE_LIMIT } from '@ofauth-mass-messages/core';

/** The one list of modes; the CLI, the banner, the README and the checks all read it. */
export const MOCK_MODES = ['dataset', 'examples', 'dynamic'] as const;

/**
 * What the mock serves. `dataset` (the default): a fixed, seeded set of realistic records paged
 * honestly; `examples`: the spec's named examples, in an honest page sequence; `dynamic`: records
 * generated from the item schemas (every shape the spec allows), seeded, with a bounded total.
 */
export type MockMode = (typeof MOCK_MODES)[number];

/** A frontend needs a list that pages, filters and ends first; see the README. */
export const DEFAULT_MODE: MockMode = 'dataset';
/** The dataset needs a seed to be a fixed set of records; this one is used when none is given. */
export const DEFAULT_DATASET_SEED = 1;
/** `Retry-After` of rate-limit scenarios: short, so that a retry demo recovers at once. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** The longest latency a request may ask for, so that a typo cannot hang a test for hours. */
export const MAX_LATENCY_MS = 60_000;

export interface DatasetSize {
  /** listMassMessages (hand-made records), across its types. Default 137. */
  massMessages?: number;
  /** listPurchasedMassMessages (hand-made records). Default 250. */
  purchased?: number;
  /**
   * Operations without hand-made records (and every operation in dynamic mode): records per
   * filter value. Default: a seeded count from 2 to 4 pages of the operation's default page size.
   */
  generated?: number;
}

export const DEFAULT_DATASET_SIZE = { massMessages: 137, purchased: 250 } as const;

export interface MockOptions {
  /** Default `dataset`. */
  mode?: MockMode;
  /**
   * dataset: which records (default 1); dynamic: which generated records (default: one picked at
   * random when the mock starts, reported by it). Ignored in examples mode.
   */
  seed?: number;
  /** How many records dataset and dynamic modes serve. */
  dataset?: DatasetSize;
  /** Milliseconds every response waits before it is sent (a request's `Prefer: delay=` wins). */
  latency?: number;
  /** `Retry-After` seconds of 429 scenarios (default 1; a request's `Prefer: retry-after=` wins). */
  retryAfter?: number;
  /**
   * Emulate the API's rate limit: a token bucket per connection id that answers 429
   * `RATE_LIMIT_EXCEEDED` once empty. `'vendor'`: the vendor's numbers (a burst of 90, refilled
   * at 60 a minute); `{ capacity, refillPerMinute }`: others; `false` (the default): no limit,
   * so that existing tests never see a 429 they did not ask for. A request opts in or out on its
   * own with `Prefer: rate-limit=vendor` or `rate-limit=off`.
   */
  rateLimit?: RateLimitOption;
}

/** The `rateLimit` option: the vendor's bucket, another one, or none. */
export type RateLimitOption = 'vendor' | BucketOptions | false;

export interface ResolvedMockOptions {
  mode: MockMode;
  seed: number | undefined;
  dataset: DatasetSize;
  latency: number;
  retryAfter: number;
  /** The bucket every connection gets, or undefined when the limit is not emulated. */
  rateLimit: BucketOptions | undefined;
}

export function assertInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `Invalid ${name}: ${JSON.stringify(value)}; expected an integer from ${min} to ${max}.`,
    );
  }
  return value;
}

/** The bucket of a `rateLimit` option; throws a TypeError naming what is wrong. */
export function resolveRateLimit(option: unknown): BucketOptions | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === 'vendor') return { ...VENDOR_RATE_LIMIT };
  if (typeof option === 'object' && option !== null && !Array.isArray(option)) {
    const { capacity, refillPerMinute, ...rest } = option as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) {
      throw new TypeError(
        `Invalid rateLimit: unknown key ${JSON.stringify(unknown[0])}; expected { capacity, refillPerMinute }.`,
      );
    }
    return {
      capacity: assertInteger('rateLimit.capacity', capacity, 1, 1_000_000),
      refillPerMinute: assertInteger('rateLimit.refillPerMinute', refillPerMinute, 1, 1_000_000),
    };
  }
  throw new TypeError(
    `Invalid rateLimit: ${JSON.stringify(option)}; expected 'vendor', { capacity, refillPerMinute } or false.`,
  );
}

/** Fills in defaults and rejects out-of-range values with a message naming the option. */
export function resolveMockOptions(options: MockOptions = {}): ResolvedMockOptions {
  const mode = options.mode ?? DEFAULT_MODE;
  if (!MOCK_MODES.includes(mode)) {
    throw new TypeError(
      `Invalid mode: ${JSON.stringify(mode)}; expected one of ${MOCK_MODES.join(', ')}.`,
    );
  }
  let seed =
    options.seed === undefined
      ? undefined
      : assertInteger('seed', options.seed, 0, Number.MAX_SAFE_INTEGER);
  if (mode === 'dataset') seed ??= DEFAULT_DATASET_SEED;
  // Dynamic mode pages one set of records per start: without a seed, it picks one.
  if (mode === 'dynamic') seed ??= Math.floor(Math.random() * 1_000_000);
  const dataset: DatasetSize = {};
  for (const key of ['massMessages', 'purchased', 'generated'] as const) {
    const value = options.dataset?.[key];
    if (value !== undefined) dataset[key] = assertInteger(`dataset.${key}`, value, 0, 100_000);
  }
  return {
    mode,
    seed: mode === 'examples' ? undefined : seed,
    dataset,
    latency: assertInteger('latency', options.latency ?? 0, 0, MAX_LATENCY_MS),
    retryAfter: assertInteger(
      'retryAfter',
      options.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS,
      0,
      86_400,
    ),
    rateLimit: resolveRateLimit(options.rateLimit),
  };
}
