import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import { createProxyHandler, type ProxyHandler, type ProxyOptions } from '../src/index.js';
import { type NodeHandler, toNodeHandler } from '../src/node.js';

describe('types', () => {
  it('the handler is a Fetch-API handler: Request in, Promise<Response> out', () => {
    const handler = createProxyHandler({ apiKey: 'k', connectionId: 'c' });
    expectTypeOf(handler).toEqualTypeOf<ProxyHandler>();
    expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>();
  });

  it('requires apiKey and connectionId', () => {
    // @ts-expect-error connectionId is missing
    createProxyHandler({ apiKey: 'k' });
    // @ts-expect-error apiKey is missing
    createProxyHandler({ connectionId: 'c' });
    expectTypeOf<ProxyOptions['basePath']>().toEqualTypeOf<string | undefined>();
  });

  it('the node adapter is a node:http listener and takes Express next', () => {
    const listener = toNodeHandler(createProxyHandler({ apiKey: 'k', connectionId: 'c' }));
    expectTypeOf(listener).toEqualTypeOf<NodeHandler>();
    expectTypeOf(listener).toBeCallableWith(
      {} as IncomingMessage,
      {} as ServerResponse,
      (_error?: unknown) => {},
    );
    createServer(listener);
  });
});
