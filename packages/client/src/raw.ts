// `@ofauth-mass-messages/client/raw`: the typed openapi-fetch client over the same transport
// (headers, retries, timeouts, redirect refusal, size cap, logging), with openapi-fetch's own
// contract: a non-2xx response, once the retries are spent, resolves `{ error, response }` (the
// spec's error body, redacted), as its types say; only what leaves no response to answer with
// throws (a connection failure, a timeout, an abort, a refused redirect, a body over the cap). A
// subpath of its own, so an app that never imports it does not bundle openapi-fetch.
import createFetchClient, { type Client } from 'openapi-fetch';
import { resolveConfig } from './config.js';
import { APIError, RedirectError } from './errors.js';
import type { paths } from './generated/schema.js';
import { type Fetch, send } from './transport.js';
import type { ClientOptions } from './types.js';

export type { Client } from 'openapi-fetch';
export type { components, operations, paths } from './generated/schema.js';

/** An openapi-fetch client of the spec's `paths`, with the client's options. */
export function createRawClient(options?: ClientOptions): Client<paths> {
  const { baseUrl, transport } = resolveConfig(options);
  return createFetchClient<paths>({
    baseUrl,
    // The transport adds the client's headers to the request's own, as for a client method.
    fetch: async (request) => {
      // The last response the transport got: its status and headers answer a final non-2xx.
      let last: Response | undefined;
      const fetch: Fetch = async (url, init) => {
        last = await (transport.fetch ?? globalThis.fetch)(url, init);
        return last;
      };
      try {
        const { response, text } = await send({ ...transport, fetch }, request.url, {
          signal: request.signal,
          headers: Object.fromEntries(request.headers),
        });
        // The transport read the body (its timeout covers it); openapi-fetch reads this copy.
        return new Response(text || null, response);
      } catch (error) {
        // A redirect is refused, never handed on: its Location may point anywhere.
        if (!(error instanceof APIError) || error instanceof RedirectError || !last) throw error;
        // The body as the error carries it (parsed, the key redacted), no longer the bytes the
        // length and encoding headers described.
        const headers = new Headers(last.headers);
        headers.delete('content-length');
        headers.delete('content-encoding');
        const { body, status } = error;
        return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
          status,
          headers,
        });
      }
    },
  });
}
