// What the page needs to know: where the API proxy is and how many rows a "Load more" adds.
// No key and no connection id: those stay on the server, in the proxy that the dev server, the
// preview server (or your own backend) mounts at /api; the browser never sees them.

/** Where the server mounts the proxy (`vite-plugins/api-proxy.ts`), on the page's own origin. */
export const API_PATH = '/api';
export const DEFAULT_PAGE_SIZE = 10;

export interface AppConfig {
  /** Rows added by each "Load more" (and the page size the client requests). */
  pageSize: number;
}

/**
 * The build-time settings the app reads. Passed field by field (never `import.meta.env` whole):
 * Vite inlines every `VITE_*` variable into a bundle that reads the whole object, so a key put
 * in one by mistake would ship.
 */
export interface AppEnv {
  VITE_OFAUTH_PAGE_SIZE?: string | undefined;
}

/** Reads the config; throws an Error naming the bad setting when a value is unusable. */
export function readConfig(env: AppEnv, search = ''): AppConfig {
  const query = new URLSearchParams(search);
  const pageSize = pick(
    query.get('pageSize'),
    env.VITE_OFAUTH_PAGE_SIZE,
    String(DEFAULT_PAGE_SIZE),
  );
  return { pageSize: parsePageSize(pageSize) };
}

function pick(fromQuery: string | null, fromEnv: string | undefined, fallback: string): string {
  if (fromQuery !== null && fromQuery.trim() !== '') return fromQuery.trim();
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  return fallback;
}

// Only the shape is checked here; the allowed range (1..20) lives in the spec and the client
// reports a value outside it.
function parsePageSize(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new Error(`page size must be a whole number, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}
