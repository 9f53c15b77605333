// The app each runtime serves: the proxy under /api, as an app mounts it, and /__matrix, which
// runs the cases in that runtime (its fetch, its client) against its own proxy and answers the
// results. Fetch API only: Deno, Bun and workerd serve this same handler.
import { createProxyHandler } from '@ofauth-mass-messages/proxy';
import { type CasesConfig, runCases } from './cases.ts';

/** What the test hands every runtime (as JSON: an environment variable or a binding). */
export interface AppConfig {
  /** Where the proxy forwards: the test's recording relay in front of the mock. */
  upstream: string;
  apiKey: string;
  /** The connection id this runtime's users are mapped to (`conn_deno`, …). */
  connectionId: string;
  timeoutMs: number;
  totals: CasesConfig['totals'];
}

/** The connection id `authorize` answers for the user `stall`: the relay never answers it. */
export const STALL_CONNECTION = 'conn_stall';
/** The header standing in for the app's session: who the browser's user is. */
export const USER_HEADER = 'x-matrix-user';

/** The proxy as the matrix configures it in every runtime. */
export function matrixProxy(config: Omit<AppConfig, 'totals'>) {
  return createProxyHandler({
    apiKey: config.apiKey,
    // A stand-in session check: every user reads this runtime's creator, but `stall`.
    authorize: (request) =>
      request.headers.get(USER_HEADER) === 'stall' ? STALL_CONNECTION : config.connectionId,
    upstream: config.upstream,
    basePath: '/api',
    timeoutMs: config.timeoutMs,
  });
}

export function matrixApp(config: AppConfig): (request: Request) => Promise<Response> {
  const proxy = matrixProxy(config);
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/__matrix') {
      const results = await runCases({ proxyUrl: `${url.origin}/api`, totals: config.totals });
      return Response.json(results);
    }
    return proxy(request);
  };
}
