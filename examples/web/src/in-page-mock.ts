// VITE_OFAUTH_MOCK=msw: the whole backend in the page, for frontend work with no server at all.
// A service worker (MSW) answers /api with the same proxy that a server mounts there, and the
// proxy's upstream calls are answered by the mocks package's MSW handlers: the page sees the
// same checks, pages and scenarios as through the dev server's proxy and the mock server.

import { createHandlers } from '@ofauth-mass-messages/mocks/msw';
import { createProxyHandler } from '@ofauth-mass-messages/proxy';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { API_PATH } from './config';

// Where the in-page proxy sends its calls: this origin, a path nothing serves, so only the
// worker answers it. Same-origin, so the browser needs no CORS for the proxy's `apiKey` header.
const UPSTREAM_PATH = '/in-page-mock-api';

/** Registers the worker and resolves once it intercepts the page's requests. */
export async function startInPageMock(): Promise<void> {
  const upstream = `${window.location.origin}${UPSTREAM_PATH}`;
  const proxy = createProxyHandler({
    // Placeholders, not keys: this build has no server, and the mock accepts any value.
    apiKey: 'in-page-mock',
    authorize: () => 'in-page-mock',
    upstream,
    basePath: API_PATH,
    // Wherever the page is served from: the worker only ever sees this page's own requests.
    allowedHosts: [window.location.hostname],
    forwardHeaders: ['prefer'],
  });
  const worker = setupWorker(
    http.all(`${window.location.origin}${API_PATH}/*`, ({ request }) => proxy(request)),
    ...createHandlers({ baseUrl: upstream }),
  );
  await worker.start({
    // Served beside index.html from the msw package (vite-plugins/msw-worker.ts).
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
