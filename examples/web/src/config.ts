// Where the app sends its requests and with which credentials. Build-time values come from
// Vite's `VITE_*` variables; a query string (`?baseUrl=…&pageSize=…`) overrides them at run time
// so one build can be pointed at any mock server.

export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010';
// The mock accepts any non-empty key: these demo values are not secrets.
export const DEFAULT_API_KEY = 'demo-api-key';
export const DEFAULT_CONNECTION_ID = 'demo-connection';
export const DEFAULT_PAGE_SIZE = 10;

export interface AppConfig {
  baseUrl: string;
  apiKey: string;
  connectionId: string;
  /** Rows added by each "Load more" (and the page size the iterator requests). */
  pageSize: number;
}

/** The subset of `import.meta.env` the app reads. */
export interface AppEnv {
  VITE_OFAUTH_BASE_URL?: string | undefined;
  VITE_OFAUTH_API_KEY?: string | undefined;
  VITE_OFAUTH_CONNECTION_ID?: string | undefined;
  VITE_OFAUTH_PAGE_SIZE?: string | undefined;
}

/** Reads the config; throws an Error naming the bad setting when a value is unusable. */
export function readConfig(env: AppEnv, search = ''): AppConfig {
  const query = new URLSearchParams(search);
  const baseUrl = pick(query.get('baseUrl'), env.VITE_OFAUTH_BASE_URL, DEFAULT_BASE_URL);
  const pageSize = pick(
    query.get('pageSize'),
    env.VITE_OFAUTH_PAGE_SIZE,
    String(DEFAULT_PAGE_SIZE),
  );
  return {
    baseUrl: parseBaseUrl(baseUrl),
    apiKey: pick(null, env.VITE_OFAUTH_API_KEY, DEFAULT_API_KEY),
    connectionId: pick(
      query.get('connectionId'),
      env.VITE_OFAUTH_CONNECTION_ID,
      DEFAULT_CONNECTION_ID,
    ),
    pageSize: parsePageSize(pageSize),
  };
}

function pick(fromQuery: string | null, fromEnv: string | undefined, fallback: string): string {
  if (fromQuery !== null && fromQuery.trim() !== '') return fromQuery.trim();
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  return fallback;
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`base URL must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`base URL must use http or https, got ${JSON.stringify(value)}`);
  }
  // The client appends `/v2/...`: drop a trailing slash so paths don't double it.
  return url.href.replace(/\/+$/, '');
}

// Only the shape is checked here; the allowed range (1..20) lives in the spec and the client
// reports a value outside it.
function parsePageSize(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new Error(`page size must be a whole number, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}
