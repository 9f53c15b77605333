// The `Prefer` scenarios: a documented status with one of its examples, instead of the page, as
// many times as asked (`times=`), with a short `Retry-After` on rate limits.
import type { Operation } from '@ofauth-mass-messages/spec/operations';
import { digest } from './digest.js';
import { failure } from './errors.js';
import { own } from './own.js';
import type { Preferences } from './prefer.js';
import { json, type MockRequest, type MockResponse } from './response.js';
import type { SpecData } from './spec-data.js';

/**
 * How many `times=` counts (client, route, Prefer header) the mock keeps at most: the least
 * recently used goes first. An LRU with a fixed number of entries rather than a TTL: a test run
 * reuses its connection id within seconds, however long the mock has been up, so recent use is
 * what says a count still matters, and a fixed count bounds memory whatever the request rate
 * (a TTL would let a burst of distinct clients grow it until they expire). 10,000 is far more
 * parallel clients than a test run has, and under a megabyte (each key is a fixed-size digest).
 */
export const MAX_TRACKED_SCENARIOS = 10_000;

export interface Scenarios {
  /** The answer a Prefer header asks for, or undefined for the normal page. */
  play(operation: Operation, prefer: Preferences, request: MockRequest): MockResponse | undefined;
  /** Forgets how often each `times=` scenario has played. */
  reset(): void;
  /** How many counts it holds now. */
  readonly size: number;
}

/** The mock's own complaint about a scenario it cannot play: a 400, `code` saying why. */
function unknownScenario(message: string): MockResponse {
  return failure(400, message, 'BAD_REQUEST', { code: 'UNKNOWN_SCENARIO' });
}

export function createScenarios(spec: SpecData, retryAfter: number): Scenarios {
  /** How often each `times=` scenario has played, by client, route and Prefer header. */
  const played = new Map<string, number>();

  /** Whether this request still gets the scenario (always, without `times=`). */
  function due(operation: Operation, prefer: Preferences, request: MockRequest): boolean {
    if (prefer.times === undefined) return true;
    // Keyed by client (its security headers: key and connection), route and the whole Prefer
    // header: parallel tests with their own connection ids, or different scenarios, never use up
    // each other's count. Held in memory only, never logged.
    const client = spec.authHeaders.map((name) => request.header(name) ?? '').join('\n');
    const text = `${client}\n${operation.operationId}\n${request.header('prefer')}`;
    const key = digest(text);
    const count = played.get(key) ?? 0;
    // Re-inserted on every use: a Map iterates in insertion order, so its first key is always
    // the least recently used one.
    played.delete(key);
    if (count >= prefer.times) {
      played.set(key, count);
      return false;
    }
    played.set(key, count + 1);
    if (played.size > MAX_TRACKED_SCENARIOS) played.delete(played.keys().next().value as string);
    return true;
  }

  return {
    reset: () => played.clear(),
    get size() {
      return played.size;
    },
    play(operation, prefer, request) {
      const { code, example } = prefer;
      if (example === undefined && (code === undefined || code === 200)) return undefined;
      const documented = own(spec.responses, operation.operationId) ?? {};
      // `example=` alone: the status whose examples include that name.
      const status =
        code ??
        Number(
          Object.keys(documented).find(
            (key) =>
              example !== undefined && Object.hasOwn(own(documented, key)?.examples ?? {}, example),
          ),
        );
      const response = own(documented, String(status));
      if (!response) {
        return unknownScenario(
          code === undefined
            ? `${operation.operationId} has no example named "${example}"`
            : `${operation.operationId} documents no ${status} response; Prefer code= one of ${Object.keys(documented).join(', ')}`,
        );
      }
      const names = Object.keys(response.examples);
      const name = example ?? names[0];
      if (name === undefined || !Object.hasOwn(response.examples, name)) {
        return unknownScenario(
          `${operation.operationId} has no example "${example}" for ${status}; it has: ${names.join(', ') || 'none'}`,
        );
      }
      if (!due(operation, prefer, request)) return undefined;
      const headers: Record<string, string> = {};
      const seconds = String(prefer.retryAfter ?? retryAfter);
      if (response.headers.includes('retry-after')) headers['retry-after'] = seconds;
      if (status === 429) {
        // An empty bucket, full again when the client may retry: a client that waits for
        // X-RateLimit-Reset recovers as fast as one that reads Retry-After.
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = seconds;
      }
      return json(status, response.examples[name], headers);
    },
  };
}
