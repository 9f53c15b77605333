// Serves MSW's service worker script for builds with VITE_OFAUTH_MOCK=msw, straight from the
// installed msw package: nothing generated is committed, and the script always matches the msw
// version that the page's `setupWorker` comes from.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export const WORKER_FILE = 'mockServiceWorker.js';

export function workerScript(): string {
  return readFileSync(createRequire(import.meta.url).resolve(`msw/${WORKER_FILE}`), 'utf8');
}

/** Adds `mockServiceWorker.js` to the dev server and to the build output, beside index.html. */
export function mswWorker(): Plugin {
  return {
    name: 'ofauth-msw-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/${WORKER_FILE}`) return next();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(workerScript());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: workerScript() });
    },
  };
}
