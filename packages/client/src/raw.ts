// `@ofauth-mass-messages/client/raw`: the typed openapi-fetch client over the same transport
// (headers, retries, timeouts, typed errors, logging). A subpath of its own, so an app that never
// imports it does not bundle openapi-fetch.
import createFetchClient, { type Client } from 'openapi-fetch';
import { resolveConfig } from './config.js';
import type { paths } from './generated/schema.js';
import { send } from './transport.js';
import type { ClientOptions } from './types.js';

export type { Client } from 'openapi-fetch';
export type { components, operations, paths } from './generated/schema.js';

/** An openapi-fetch client of the spec's `paths`, with the client's options. */
export function createRawClient(options?: ClientOptions): Client<paths> {
  const { baseUrl, transport } = resolveConfig(options);
  return createFetchClient<paths>({
    baseUrl,
    // The transport adds the client's headers to the request's own, as for a list method.
    fetch: async (request) => {
      const { response, text } = await send(transport, request.url, {
        signal: request.signal,
        headers: Object.fromEntries(request.headers),
      });
      // The transport read the body (its timeout covers it); openapi-fetch reads this copy.
      return new Response(text || null, response);
    },
  });
}
