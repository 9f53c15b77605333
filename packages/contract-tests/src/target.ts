// A target is somewhere the checks can send requests: the mock server, the MSW handlers, the
// proxy in front of the mock, the recorded upstream or the live API. Each comes with the paging
// bound that keeps checks finite against it, and a `context()` that builds a client over a
// recording fetch, as a user would build one.
import { type ClientOptions, createClient } from '@ofauth-mass-messages/client';
import type { CheckContext, PagingBound } from './checks.js';
import type { DriftKind } from './drift.js';
import type { AnyClient } from './driver.js';
import type { Tamper } from './error-checks.js';
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
  /**
   * A fresh client over a fresh recording fetch; `maxRetries` 0 unless the target needs more.
   * With `tamper`, each request is changed between the client and the recorder (negative checks).
   */
  context(tamper?: Tamper): CheckContext;
  stop(): Promise<void>;
}

export interface ClientSettings {
  baseUrl: string;
  /** Left out for a target that adds the credentials itself (the proxy). */
  apiKey?: string;
  connectionId?: string;
  maxRetries: number;
  timeoutMs: number;
  maxRequests: number;
  /** What the recorder sends through: the platform's fetch unless given (MSW's handler core). */
  fetch?: typeof fetch;
  /** Makes the client: `createClient` (the spec's table) unless given (a fixture table's). */
  client?: ClientFactory;
}

/** Makes a client of some table from createClient's options. */
export type ClientFactory = (options: ClientOptions) => AnyClient;

/** Credentials a local target accepts: any non-empty values (these are not secrets). */
export const LOCAL_CREDENTIALS = { apiKey: 'contract-test-key', connectionId: 'conn_contract' };

export function contextFor(
  settings: ClientSettings,
  paging: PagingBound,
  tamper?: Tamper,
): CheckContext {
  const recorder = createRecordingFetch({
    maxRequests: settings.maxRequests,
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  });
  const client = (settings.client ?? createClient)({
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    ...(settings.connectionId === undefined ? {} : { connectionId: settings.connectionId }),
    baseUrl: settings.baseUrl,
    fetch: tamper
      ? (url: string, init: RequestInit) => recorder.fetch(tamper(new Request(url, init)))
      : recorder.fetch,
    maxRetries: settings.maxRetries,
    timeoutMs: settings.timeoutMs,
  });
  return { client, recorder, paging };
}

export interface LocalTargetOptions {
  /** Send no credentials: the target adds them (the proxy). */
  keyless?: boolean;
  /** The fetch requests go through instead of the network (MSW's handler core). */
  fetch?: typeof fetch;
  /** Makes the client (a fixture table's); `createClient` by default. */
  client?: ClientFactory;
}

/** Any local server as a target: no retries (a local failure is a finding, not a blip). */
export function localTarget(
  name: string,
  baseUrl: string,
  paging: PagingBound,
  stop: () => Promise<void>,
  options: LocalTargetOptions = {},
): Target {
  const maxRequests = 60;
  return {
    name,
    baseUrl,
    paging,
    maxRequests,
    context: (tamper) =>
      contextFor(
        {
          baseUrl,
          ...(options.keyless ? {} : LOCAL_CREDENTIALS),
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.client ? { client: options.client } : {}),
          maxRetries: 0,
          timeoutMs: 15_000,
          maxRequests,
        },
        paging,
        tamper,
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
    context: (tamper) =>
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
        tamper,
      ),
    stop: async () => {},
  };
}
