import { defineConfig } from 'vite';
import { apiProxy, proxyOptionsFromEnv } from './vite-plugins/api-proxy.ts';
import { mswWorker } from './vite-plugins/msw-worker.ts';

// VITE_OFAUTH_MOCK=msw: the page answers /api itself (MSW), so the build carries the worker
// script and the servers mount no proxy. Otherwise `vite` and `vite preview` mount the proxy at
// /api, configured from OFAUTH_API_KEY / OFAUTH_CONNECTION_ID / OFAUTH_BASE_URL.
const inPageMock = process.env.VITE_OFAUTH_MOCK === 'msw';

export default defineConfig({
  // Relative asset paths: the built app works from any static server or folder.
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022' },
  plugins: inPageMock ? [mswWorker()] : [apiProxy(() => proxyOptionsFromEnv(process.env))],
});
