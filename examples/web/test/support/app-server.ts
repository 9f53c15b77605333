// Serves a built app with `vite preview` on 127.0.0.1 and a free port, with the plugins a test
// picks (the API proxy for the Prism run, none for the in-page mock). Stopped by its own handle.
import type { IncomingMessage } from 'node:http';
import { type Plugin, preview } from 'vite';
import { APP_ROOT } from './build-app';

export interface AppServer {
  url: string;
  /** Every request path the server received, in order (to show what reached a server at all). */
  paths: string[];
  stop(): Promise<void>;
}

export async function startAppServer(outDir: string, plugins: Plugin[]): Promise<AppServer> {
  const paths: string[] = [];
  const recorder: Plugin = {
    name: 'record-paths',
    configurePreviewServer(server) {
      server.middlewares.use((req: IncomingMessage, _res, next) => {
        paths.push(req.url ?? '');
        next();
      });
    },
  };
  const server = await preview({
    root: APP_ROOT,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [recorder, ...plugins],
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`vite preview is not listening on a TCP port: ${String(address)}`);
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    paths,
    stop: () => server.close(),
  };
}
