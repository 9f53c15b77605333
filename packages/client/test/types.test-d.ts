// Type tests (vitest typecheck): responses are typed from the spec, wrong parameters don't
// compile, nullable fields are `| null`, optional ones optional.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type APIError,
  createClient,
  type ErrorBody,
  type IterateMassMessagesParams,
  type ListMassMessagesParams,
  type ListPurchasedMassMessagesParams,
  type MassMessage,
  type MassMessageSender,
  type MassMessagesPage,
  type MassMessageType,
  type Media,
  type MediaFiles,
  type OFAuthError,
  type Price,
  type PurchasedMassMessage,
  type PurchasedMassMessagesPage,
  type RateLimitError,
  type ReleaseForm,
  type VideoSources,
} from '../src/index.js';

const client = createClient({ apiKey: 'k', connectionId: 'c' });

describe('responses', () => {
  it('returns the page types of the spec', () => {
    expectTypeOf(client.listMassMessages).returns.resolves.toEqualTypeOf<MassMessagesPage>();
    expectTypeOf(
      client.listPurchasedMassMessages,
    ).returns.resolves.toEqualTypeOf<PurchasedMassMessagesPage>();
    expectTypeOf<MassMessagesPage['list']>().toEqualTypeOf<MassMessage[]>();
    expectTypeOf<MassMessagesPage['hasMore']>().toEqualTypeOf<boolean>();
    expectTypeOf<PurchasedMassMessagesPage['items']>().toEqualTypeOf<PurchasedMassMessage[]>();
  });

  it('iterates items, not pages', () => {
    expectTypeOf(client.iterateMassMessages()).toEqualTypeOf<
      AsyncGenerator<MassMessage, void, undefined>
    >();
    expectTypeOf(client.iteratePurchasedMassMessages()).toEqualTypeOf<
      AsyncGenerator<PurchasedMassMessage, void, undefined>
    >();
  });

  it('types the raw openapi-fetch client from the generated paths', async () => {
    const { data } = await client.raw.GET('/v2/access/analytics/mass-messages/purchased', {
      params: { query: { limit: 5 } },
    });
    expectTypeOf(data).toMatchTypeOf<PurchasedMassMessagesPage | undefined>();
    expectTypeOf<NonNullable<typeof data>['items'][number]['previews']>().toMatchTypeOf<Media[]>();
    expectTypeOf<NonNullable<typeof data>['items'][number]['id']>().toEqualTypeOf<number>();
    // @ts-expect-error not a path of the spec
    await client.raw.GET('/v2/access/messages');
  });
});

describe('required, optional and nullable fields (field-facts.md)', () => {
  it('MassMessage', () => {
    expectTypeOf<MassMessage['id']>().toEqualTypeOf<number>();
    expectTypeOf<MassMessage['text']>().toEqualTypeOf<string>();
    expectTypeOf<MassMessage['previews']>().toEqualTypeOf<number[]>();
    expectTypeOf<MassMessage['fromUser']>().toEqualTypeOf<MassMessageSender>();
    // Optional: may be missing…
    expectTypeOf<MassMessage>().toHaveProperty('price');
    expectTypeOf<Pick<MassMessage, 'price'>>().toEqualTypeOf<{ price?: Price }>();
    expectTypeOf<Price>().toEqualTypeOf<string>();
    // …and nullable: may be null too.
    expectTypeOf<Pick<MassMessage, 'giphyId'>>().toEqualTypeOf<{ giphyId?: string | null }>();
    expectTypeOf<Pick<MassMessage, 'sentCount'>>().toEqualTypeOf<{ sentCount?: number }>();
  });

  it('MassMessageSender is one of two shapes', () => {
    const named: MassMessageSender = { id: 1, name: 'Mia' };
    const viewed: MassMessageSender = { id: 1, _view: 's' };
    expectTypeOf(named).toMatchTypeOf<MassMessageSender>();
    expectTypeOf(viewed).toMatchTypeOf<MassMessageSender>();
    // @ts-expect-error neither name nor _view
    const neither: MassMessageSender = { id: 1 };
    expectTypeOf(neither).not.toBeAny();
  });

  it('PurchasedMassMessage previews are media objects, not ids', () => {
    expectTypeOf<PurchasedMassMessage['previews']>().toEqualTypeOf<Media[]>();
    expectTypeOf<PurchasedMassMessage['releaseForms']>().toEqualTypeOf<ReleaseForm[]>();
    expectTypeOf<Pick<PurchasedMassMessage, 'giphyId'>>().toEqualTypeOf<{
      giphyId?: string | null;
    }>();
  });

  it('Media and its files', () => {
    // The documented media types are accepted and the union stays closed; a value the spec adds
    // later widens it without breaking this test (the pipeline proof adds one).
    expectTypeOf<'photo' | 'video' | 'gif' | 'audio'>().toExtend<Media['type']>();
    expectTypeOf<Media['type']>().not.toEqualTypeOf<string>();
    // @ts-expect-error not a media type
    const hologram: Media['type'] = 'hologram';
    expectTypeOf(hologram).not.toBeAny();
    expectTypeOf<Pick<Media, 'files'>>().toEqualTypeOf<{ files?: MediaFiles }>();
    expectTypeOf<MediaFiles['full']['sources']>().toBeArray();
    expectTypeOf<Pick<MediaFiles, 'thumb'>>().toMatchTypeOf<{ thumb?: unknown }>();
    expectTypeOf<VideoSources>().toEqualTypeOf<{ '240'?: string | null; '720'?: string | null }>();
  });

  it('ErrorBody fields are all optional', () => {
    expectTypeOf<ErrorBody>().toEqualTypeOf<{
      message?: string;
      code?: string;
      details?: unknown;
    }>();
  });
});

describe('parameters', () => {
  it('are the spec’s query parameters', () => {
    expectTypeOf<ListMassMessagesParams>().toEqualTypeOf<{
      limit?: number;
      offset?: number | null;
      type?: 'sent' | 'unsent' | 'scheduled';
    }>();
    expectTypeOf<ListPurchasedMassMessagesParams>().toEqualTypeOf<{
      limit?: number;
      offset?: number | null;
    }>();
    expectTypeOf<MassMessageType>().toEqualTypeOf<'sent' | 'unsent' | 'scheduled'>();
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
    // @ts-expect-error the iterator sets limit itself
    client.iterateMassMessages({ limit: 5 });
    // @ts-expect-error pageSize is a number
    client.iteratePurchasedMassMessages({ pageSize: 'all' });
    client.iterateMassMessages({ type: 'unsent', pageSize: 20, maxItems: 100, lookahead: true });
    expectTypeOf<IterateMassMessagesParams>().toHaveProperty('pageSize');
  });

  it('request options', () => {
    client.listMassMessages(
      {},
      {
        signal: AbortSignal.timeout(1000),
        timeoutMs: 5000,
        maxRetries: 0,
        headers: { Prefer: 'code=429' },
      },
    );
    // @ts-expect-error retries is not an option
    client.listMassMessages({}, { retries: 3 });
  });

  it('client options need the API key and connection id', () => {
    // @ts-expect-error connectionId missing
    createClient({ apiKey: 'k' });
    // @ts-expect-error apiKey missing
    createClient({ connectionId: 'c' });
  });
});

describe('errors', () => {
  it('share one base and carry typed fields', () => {
    expectTypeOf<RateLimitError>().toMatchTypeOf<APIError>();
    expectTypeOf<APIError>().toMatchTypeOf<OFAuthError>();
    expectTypeOf<APIError['status']>().toEqualTypeOf<number>();
    expectTypeOf<APIError['retryAfter']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<APIError['code']>().toEqualTypeOf<string | undefined>();
  });
});
