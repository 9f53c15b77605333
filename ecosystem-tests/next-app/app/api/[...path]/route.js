// The proxy's README route for Next.js, as an app runs it: the proxy made on the first request
// (when the environment is there to read), and the one handler exported under every method Next
// routes, so that a POST gets the proxy's 405 with its Error body, not Next's own empty one.
import { createProxyHandler } from '@ofauth-mass-messages/proxy';

// Every answer concerns one account, read at request time: never prerendered.
export const dynamic = 'force-dynamic';

/** @type {import('@ofauth-mass-messages/proxy').ProxyHandler | undefined} */
let proxy;

/** @param {Request} request */
function handle(request) {
  proxy ??= createProxyHandler({
    apiKey: String(process.env.MATRIX_API_KEY),
    // A stand-in session check: every user reads this app's creator, but `stall`.
    authorize: (request) =>
      request.headers.get('x-matrix-user') === 'stall'
        ? 'conn_stall'
        : process.env.MATRIX_CONNECTION_ID,
    upstream: process.env.MATRIX_UPSTREAM,
    basePath: '/api',
    timeoutMs: Number(process.env.MATRIX_TIMEOUT_MS),
  });
  return proxy(request);
}

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
