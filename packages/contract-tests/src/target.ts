// A target is somewhere the checks can send requests: the mock server, the recorded upstream or
// the live API. Each comes with the paging bound that keeps checks finite against it, and a
// `context()` that builds a client over a recording fetch, as a user would build one.
import { createClient } from '@ofauth-mass-messages/client';
import type { CheckContext, PagingBound } from './checks.js';
import type { DriftKind } from './drift.js';
import { startRecordedUpstream } from './recorded-upstream.js';
import { createRecordingFetch } from './recording-fetch.js';
import type { Recording } from './recordings.js';
import type { LiveCredentials } from './settings.js';

export interface Target {
  /** `mock (dataset)`, `recorded upstream (drift: missing-key)`, `live API`… */
  name: string;
  baseUrl: string;
  paging: PagingBound;
  /** Requests one check may send. */
  maxRequests: number;
  /** A fresh client over a fresh recording fetch; `maxRetries` 0 unless the target needs more. */
  context(): CheckContext;
  stop(): Promise<void>;
}

interface ClientSettings {
  baseUrl: string;
  apiKey: string;
  connectionId: string;
  maxRetries: number;
  timeoutMs: number;
  maxRequests: number;
}

/** Credentials a local target accepts: any non-empty values (these are not secrets). */
export const LOCAL_CREDENTIALS = { apiKey: 'contract-test-key', connectionId: 'conn_contract' };

export function contextFor(settings: ClientSettings, paging: PagingBound): CheckContext {
  const recorder = createRecordingFetch({ maxRequests: settings.maxRequests });
  const client = createClient({
    apiKey: settings.apiKey,
    connectionId: settings.connectionId,
    baseUrl: settings.baseUrl,
    fetch: recorder.fetch,
    maxRetries: settings.maxRetries,
    timeoutMs: settings.timeoutMs,
  });
  return { client, recorder, paging };
}

/** Any local server as a target: no retries (a local failure is a finding, not a blip). */
export function localTarget(
  name: string,
  baseUrl: string,
  paging: PagingBound,
  stop: () => Promise<void>,
): Target {
  const maxRequests = 60;
  return {
    name,
    baseUrl,
    paging,
    maxRequests,
    context: () =>
      contextFor(
        { baseUrl, ...LOCAL_CREDENTIALS, maxRetries: 0, timeoutMs: 15_000, maxRequests },
        paging,
      ),
    stop,
  };
}

/** The recorded upstream on 127.0.0.1, conforming or drifted one way. */
export async function startRecordedTarget(
  recordings: Recording[],
  drift?: DriftKind,
): Promise<Target> {
  const upstream = await startRecordedUpstream({ recordings, ...(drift ? { drift } : {}) });
  // Page size 2 over 1–5 recorded items per filter: several pages, an odd last one.
  const paging = { pageSize: 2, maxItems: 50, reachesEnd: true };
  return localTarget(
    `recorded upstream (${drift ? `drift: ${drift}` : 'conforming'})`,
    upstream.url,
    paging,
    () => upstream.stop(),
  );
}

/**
 * The live API: read-only calls, 2 pages of paging, one retry for a blip, so at most 4 requests
 * per check (2 pages and a retry of each fit). Nothing to stop.
 */
export function liveTarget(credentials: LiveCredentials): Target {
  const maxRequests = 4;
  const paging = { pageSize: 20, maxItems: 40, reachesEnd: false };
  return {
    name: 'live API',
    baseUrl: credentials.baseUrl,
    paging,
    maxRequests,
    context: () =>
      contextFor(
        {
          baseUrl: credentials.baseUrl,
          apiKey: credentials.apiKey,
          connectionId: credentials.connectionId,
          maxRetries: 1,
          timeoutMs: 20_000,
          maxRequests,
        },
        paging,
      ),
    stop: async () => {},
  };
}
