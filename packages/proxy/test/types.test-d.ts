import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import { createProxyHandler, type ProxyHandler, type ProxyOptions } from '../src/index.js';
import { type NodeHandler, toNodeHandler } from '../src/node.js';
import type { OPTION_NAMES } from '../src/options.js';

describe('types', () => {
  it('the handler is a Fetch-API handler: Request in, Promise<Response> out', () => {
    const handler = createProxyHandler({ apiKey: 'k', authorize: () => 'c' });
    expectTypeOf(handler).toEqualTypeOf<ProxyHandler>();
    expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>();
  });

  it('requires apiKey and authorize', () => {
    // @ts-expect-error authorize is missing
    createProxyHandler({ apiKey: 'k' });
    // @ts-expect-error apiKey is missing
    createProxyHandler({ authorize: () => 'c' });
    // @ts-expect-error connectionId is no option: authorize answers it per request
    createProxyHandler({ apiKey: 'k', connectionId: 'c' });
    expectTypeOf<ProxyOptions['basePath']>().toEqualTypeOf<string | undefined>();
  });

  it('authorize may answer a connection id, a refusal or a Response, at once or later', () => {
    const answers: ProxyOptions['authorize'][] = [
      () => 'conn_1',
      () => process.env.OFAUTH_CONNECTION_ID,
      () => null,
      async () => new Response(null, { status: 403 }),
      async (request, { operationId, path }) =>
        request.headers.get('cookie') ? `${operationId}:${path}` : undefined,
    ];
    expectTypeOf(answers).toBeArray();
    // @ts-expect-error a number is no connection id
    createProxyHandler({ apiKey: 'k', authorize: () => 42 });
  });

  it('rateLimit is true, false or a bucket of known fields', () => {
    createProxyHandler({ apiKey: 'k', authorize: () => 'c', rateLimit: true });
    createProxyHandler({ apiKey: 'k', authorize: () => 'c', rateLimit: { capacity: 30 } });
    // @ts-expect-error burst is no field of the bucket: capacity is
    createProxyHandler({ apiKey: 'k', authorize: () => 'c', rateLimit: { burst: 30 } });
    // @ts-expect-error a number is not a bucket
    createProxyHandler({ apiKey: 'k', authorize: () => 'c', rateLimit: 90 });
  });

  it("authorize is told the path parameters' checked values", () => {
    createProxyHandler({
      apiKey: 'k',
      authorize: (_request, { pathParams }) => {
        expectTypeOf(pathParams).toEqualTypeOf<Readonly<Record<string, unknown>>>();
        return 'c';
      },
    });
  });

  it('the options refused as unknown are exactly the ones ProxyOptions does not have', () => {
    expectTypeOf<(typeof OPTION_NAMES)[number]>().toEqualTypeOf<keyof ProxyOptions>();
  });

  it('the node adapter is a node:http listener and takes Express next', () => {
    const listener = toNodeHandler(createProxyHandler({ apiKey: 'k', authorize: () => 'c' }));
    expectTypeOf(listener).toEqualTypeOf<NodeHandler>();
    expectTypeOf(listener).toBeCallableWith(
      {} as IncomingMessage,
      {} as ServerResponse,
      (_error?: unknown) => {},
    );
    createServer(listener);
  });
});
