// Type tests (vitest typecheck): methods and their pages, items and parameters are typed from the
// spec, wrong parameters don’t compile (how fields render: shapes.test-d.ts, on the fixture).
import { describe, expectTypeOf, it } from 'vitest';
import type { operations } from '../src/generated/schema.js';
import {
  type APIError,
  type APIResponse,
  type AuthenticationError,
  createClient,
  type ErrorBody,
  type ErrorType,
  type InvalidResponseError,
  type ItemOf,
  type MassMessage,
  type MassMessagesPage,
  type MassMessageType,
  type Media,
  type OFAuthError,
  type OperationId,
  type Page,
  type PageOf,
  type ParamsOf,
  type PermissionDeniedError,
  type PurchasedMassMessage,
  type PurchasedMassMessagesPage,
  type RateLimitError,
  type RateLimitState,
  type ReconnectRequiredError,
  type RedirectError,
  type RequestOptions,
  type ResponseTooLargeError,
  type ResultOf,
  type WithRequestID,
} from '../src/index.js';
import { createRawClient } from '../src/raw.js';

const client = createClient({ apiKey: 'k', connectionId: 'c' });

describe('methods', () => {
  it('exist for every operation, named by operationId', () => {
    // Every operation of the generated types, whatever the spec adds (no list kept here).
    expectTypeOf<OperationId>().toEqualTypeOf<keyof operations>();
    expectTypeOf<'listMassMessages' | 'listPurchasedMassMessages'>().toExtend<OperationId>();
    expectTypeOf<keyof typeof client>().toEqualTypeOf<OperationId>();
  });

  it('are awaited for the page of the spec: a Page, with its request id', async () => {
    expectTypeOf(await client.listMassMessages()).toEqualTypeOf<
      Page<MassMessagesPage, MassMessage, ParamsOf<'listMassMessages'>>
    >();
    expectTypeOf(await client.listPurchasedMassMessages()).toEqualTypeOf<
      Page<PurchasedMassMessagesPage, PurchasedMassMessage, ParamsOf<'listPurchasedMassMessages'>>
    >();
    expectTypeOf<ResultOf<'listMassMessages'>>().toEqualTypeOf<
      Page<MassMessagesPage, MassMessage, ParamsOf<'listMassMessages'>>
    >();
    expectTypeOf(
      (await client.listMassMessages()).nextPageParams(),
    ).toEqualTypeOf<ParamsOf<'listMassMessages'> | null>();
    expectTypeOf<Page<MassMessagesPage, MassMessage>>().toExtend<WithRequestID<MassMessagesPage>>();
    expectTypeOf((await client.listMassMessages())._request_id).toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<PageOf<'listMassMessages'>>().toEqualTypeOf<MassMessagesPage>();
    expectTypeOf<MassMessagesPage['list']>().toEqualTypeOf<MassMessage[]>();
    expectTypeOf<MassMessagesPage['hasMore']>().toEqualTypeOf<boolean>();
    expectTypeOf<PurchasedMassMessagesPage['items']>().toEqualTypeOf<PurchasedMassMessage[]>();
  });

  it('are looped with for await for items, not pages', async () => {
    for await (const message of client.listMassMessages()) {
      expectTypeOf(message).toEqualTypeOf<MassMessage>();
    }
    for await (const purchase of client.listPurchasedMassMessages()) {
      expectTypeOf(purchase).toEqualTypeOf<PurchasedMassMessage>();
    }
    expectTypeOf<ItemOf<'listMassMessages'>>().toEqualTypeOf<MassMessage>();
    expectTypeOf<ItemOf<'listPurchasedMassMessages'>>().toEqualTypeOf<PurchasedMassMessage>();
  });

  it('give the page with its response from withResponse()', () => {
    expectTypeOf(client.listPurchasedMassMessages().withResponse()).resolves.toEqualTypeOf<
      APIResponse<
        Page<PurchasedMassMessagesPage, PurchasedMassMessage, ParamsOf<'listPurchasedMassMessages'>>
      >
    >();
    expectTypeOf<APIResponse<MassMessagesPage>['requestId']>().toEqualTypeOf<string | null>();
    expectTypeOf<APIResponse<MassMessagesPage>['response']>().toEqualTypeOf<Response>();
  });

  it('types the raw openapi-fetch client (./raw) from the generated paths', async () => {
    const raw = createRawClient({ apiKey: 'k', connectionId: 'c' });
    const { data } = await raw.GET('/v2/access/analytics/mass-messages/purchased', {
      params: { query: { limit: 5 } },
    });
    expectTypeOf(data).toMatchTypeOf<PurchasedMassMessagesPage | undefined>();
    expectTypeOf<NonNullable<typeof data>['items'][number]['previews']>().toMatchTypeOf<Media[]>();
    expectTypeOf<NonNullable<typeof data>['items'][number]['id']>().toEqualTypeOf<number>();
    // @ts-expect-error not a path of the spec
    await raw.GET('/v2/access/messages');
  });

  it('types the raw client’s error as the spec’s error body (what a non-2xx answers)', async () => {
    const raw = createRawClient({ apiKey: 'k', connectionId: 'c' });
    const result = await raw.GET('/v2/access/mass-messages');
    expectTypeOf<NonNullable<typeof result.error>>().toEqualTypeOf<ErrorBody>();
    if (result.error) expectTypeOf(result.data).toEqualTypeOf<undefined>();
  });
});

describe('parameters', () => {
  it('are the spec’s query parameters', () => {
    // The generated operation's query, whatever the spec says it holds.
    type Query<Id extends OperationId> = NonNullable<operations[Id]['parameters']['query']>;
    expectTypeOf<ParamsOf<'listMassMessages'>>().toEqualTypeOf<Query<'listMassMessages'>>();
    expectTypeOf<ParamsOf<'listPurchasedMassMessages'>>().toEqualTypeOf<
      Query<'listPurchasedMassMessages'>
    >();
    expectTypeOf<MassMessageType>().toEqualTypeOf<NonNullable<Query<'listMassMessages'>['type']>>();
  });

  it('refuse wrong names and types at compile time', () => {
    client.listMassMessages({ limit: 10, offset: null, type: 'scheduled' });
    // @ts-expect-error wrong type value
    client.listMassMessages({ type: 'draft' });
    // @ts-expect-error limit is a number
    client.listMassMessages({ limit: '10' });
    // @ts-expect-error unknown parameter name
    client.listMassMessages({ page: 2 });
    // @ts-expect-error the purchased endpoint has no type filter
    client.listPurchasedMassMessages({ type: 'sent' });
  });

  it('request options', () => {
    client.listMassMessages(
      {},
      {
        signal: AbortSignal.timeout(1000),
        timeoutMs: 5000,
        maxRetries: 0,
        headers: { Prefer: 'code=429' },
        maxItems: 50,
        lookahead: true,
      },
    );
    // @ts-expect-error retries is not an option
    client.listMassMessages({}, { retries: 3 });
    // @ts-expect-error maxItems is a number
    client.listMassMessages({}, { maxItems: 'all' });
  });

  it('client options: both credentials, or none and a proxy’s baseUrl', () => {
    createClient({ baseUrl: '/api' });
    createClient({ apiKey: 'k', connectionId: 'c', baseUrl: 'http://127.0.0.1:4010' });
    // @ts-expect-error connectionId missing
    createClient({ apiKey: 'k' });
    // @ts-expect-error apiKey missing
    createClient({ connectionId: 'c', baseUrl: '/api' });
    // @ts-expect-error no credentials and no proxy
    createClient({});
    // @ts-expect-error not a log level
    createClient({ baseUrl: '/api', logLevel: 'verbose' });
  });
});

describe('errors', () => {
  it('share one base and carry typed fields', () => {
    expectTypeOf<RateLimitError>().toMatchTypeOf<APIError>();
    expectTypeOf<APIError>().toMatchTypeOf<OFAuthError>();
    expectTypeOf<PermissionDeniedError>().toMatchTypeOf<AuthenticationError>();
    expectTypeOf<APIError['status']>().toEqualTypeOf<number>();
    expectTypeOf<APIError['retryAfter']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<APIError['code']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<APIError['requestId']>().toEqualTypeOf<string | null>();
  });

  it('type the issue 18 errors: a redirect names its origin, a body over the cap its limit', () => {
    expectTypeOf<RedirectError>().toMatchTypeOf<APIError>();
    expectTypeOf<RedirectError['origin']>().toEqualTypeOf<string | null>();
    expectTypeOf<ResponseTooLargeError>().toMatchTypeOf<InvalidResponseError>();
    expectTypeOf<ResponseTooLargeError['maxResponseBytes']>().toEqualTypeOf<number>();
  });
});

describe('maxResponseBytes', () => {
  it('is a number, client-wide and per call', () => {
    expectTypeOf<RequestOptions['maxResponseBytes']>().toEqualTypeOf<number | undefined>();
    createClient({ apiKey: 'k', connectionId: 'c', maxResponseBytes: 1024 });
    client.listMassMessages({}, { maxResponseBytes: 1024 });
    // @ts-expect-error a size is a number of bytes
    client.listMassMessages({}, { maxResponseBytes: '8MB' });
  });
});

describe('the vendor’s errors (issue 19)', () => {
  it('a reconnect error is an authentication error', () => {
    expectTypeOf<ReconnectRequiredError>().toExtend<AuthenticationError>();
    expectTypeOf<ReconnectRequiredError>().toExtend<APIError>();
  });

  it('type is the spec’s ErrorType, plus any string a newer API sends', () => {
    expectTypeOf<APIError['type']>().toEqualTypeOf<ErrorType | (string & {}) | undefined>();
    expectTypeOf<'SESSION_EXPIRED'>().toExtend<ErrorType>();
    expectTypeOf<'RULES_OUTDATED'>().toExtend<ErrorType>();
    // The spec's values complete in an editor: the union keeps its literals.
    expectTypeOf<Extract<APIError['type'], 'FORBIDDEN'>>().toEqualTypeOf<'FORBIDDEN'>();
    // Branchable: comparing with a documented type compiles, and so does an unknown one.
    const branch = (error: APIError) =>
      error.type === 'SESSION_NOT_PROVIDED' || error.type === 'SOMETHING_NEW';
    expectTypeOf(branch).returns.toEqualTypeOf<boolean>();
  });

  it('actionRequired, code and details come from the body', () => {
    expectTypeOf<APIError['actionRequired']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<APIError['code']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<APIError['details']>().toEqualTypeOf<unknown>();
  });
});

describe('rateLimit (issue 19)', () => {
  it('is on withResponse(): the response’s X-RateLimit-* state, or null', () => {
    expectTypeOf<
      APIResponse<MassMessagesPage>['rateLimit']
    >().toEqualTypeOf<RateLimitState | null>();
    expectTypeOf<RateLimitState['remaining']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RateLimitState['resetAt']>().toEqualTypeOf<number | undefined>();
  });

  it('is opted into with true or the bucket’s numbers', () => {
    createClient({ apiKey: 'k', connectionId: 'c', rateLimit: true });
    createClient({ baseUrl: '/api', rateLimit: { capacity: 90, refillPerMinute: 60 } });
    createClient({ apiKey: 'k', connectionId: 'c', rateLimit: { capacity: 10 } });
    // @ts-expect-error not a switch nor a bucket
    createClient({ apiKey: 'k', connectionId: 'c', rateLimit: 'on' });
    // @ts-expect-error a capacity is a number of requests
    createClient({ apiKey: 'k', connectionId: 'c', rateLimit: { capacity: '90' } });
  });
});
