// Mounts the OFAuth proxy on the Vite dev and preview servers at /api: the page calls its own
// origin without a key, the proxy adds the key and connection id from the server's environment
// and forwards only the spec's operations upstream (the mock, or the real API).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createProxyHandler, type ProxyOptions } from '@ofauth-mass-messages/proxy';
import { toNodeHandler } from '@ofauth-mass-messages/proxy/node';
import type { Connect, Plugin } from 'vite';
import { API_PATH } from '../src/config.ts';

/** The proxy's options, with the one creator this dev server reads for whoever opens the page. */
export type ApiProxyOptions = Pick<ProxyOptions, 'apiKey' | 'upstream' | 'fetch' | 'logger'> & {
  connectionId: string;
};

/**
 * The proxy's settings from server-side variables, which Vite never puts in a page (it only
 * exposes `VITE_*` ones): OFAUTH_API_KEY, OFAUTH_CONNECTION_ID, OFAUTH_BASE_URL (the mock's URL
 * in development; unset means the real API).
 */
export function proxyOptionsFromEnv(env: Record<string, string | undefined>): ApiProxyOptions {
  return {
    apiKey: env.OFAUTH_API_KEY ?? '',
    connectionId: env.OFAUTH_CONNECTION_ID ?? '',
    ...(env.OFAUTH_BASE_URL ? { upstream: env.OFAUTH_BASE_URL } : {}),
  };
}

/** Is this request for the proxy? (`/api/…`; the page and its assets are everything else.) */
export function isApiRequest(url: string | undefined): boolean {
  return url === API_PATH || (url?.startsWith(`${API_PATH}/`) ?? false);
}

/**
 * A connect middleware serving /api through the proxy; any other path goes on to `next`. The
 * options are read when the server starts, so a missing key fails there, naming the variable.
 */
export function apiProxyMiddleware({
  connectionId,
  ...options
}: ApiProxyOptions): Connect.NextHandleFunction {
  const handle = toNodeHandler(
    createProxyHandler({
      ...options,
      // A local dev server with no login: everyone who reaches it reads this one creator.
      authorize: () => connectionId,
      basePath: API_PATH,
      // The scenario dropdown picks the mock's answers with `Prefer: code=…`.
      forwardHeaders: ['prefer'],
    }),
  );
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (isApiRequest(req.url)) handle(req, res);
    else next();
  };
}

/** The Vite plugin: the same middleware on `vite` (dev) and `vite preview`. */
export function apiProxy(options: () => ApiProxyOptions): Plugin {
  return {
    name: 'ofauth-api-proxy',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(apiProxyMiddleware(options()));
    },
    configurePreviewServer(server) {
      server.middlewares.use(apiProxyMiddleware(options()));
    },
  };
}
