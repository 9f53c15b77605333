// The helpers' types, by kind of operation: keys, the data every consumer sees (query-core's
// QueryClient and observers, React's hooks as the README uses them), page parameters, and what
// each kind does not have. The spec's operations through createQueryHelpers; every shape through
// the client's fixture table (an offset-paged list under a path parameter, a page without offset,
// an object), typed exactly as the spec's are.
import type {
  MassMessage,
  OFAuthClient,
  Page,
  ParamsOf,
  PurchasedMassMessage,
  ResultOf,
  SinglePage,
  WithRequestID,
} from '@ofauth-mass-messages/client';
import {
  type InfiniteData,
  InfiniteQueryObserver,
  QueryClient,
  QueryObserver,
} from '@tanstack/query-core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../client/fixtures/generated/schema.js';
import { createQueryHelpers, helpersOf } from '../src/helpers.js';
import type { QueryHelpersOf } from '../src/types.js';
import type { FixtureClient, table } from './helpers/fixture.js';

declare const client: OFAuthClient;
const helpers = createQueryHelpers(client);
const queryClient = new QueryClient();

type MassMessages = ResultOf<'listMassMessages'>;
type Purchased = ResultOf<'listPurchasedMassMessages'>;

describe('createQueryHelpers', () => {
  it('takes the client createClient returns, one entry per operation', () => {
    expectTypeOf(helpers).toHaveProperty('listMassMessages');
    expectTypeOf(helpers).toHaveProperty('listPurchasedMassMessages');
  });

  it('refuses something that is not a client', () => {
    // @ts-expect-error: no operation methods
    createQueryHelpers({});
  });
});

describe('keys', () => {
  it('are literal tuples of root, operationId, params', () => {
    expectTypeOf(helpers.listMassMessages.key()).toEqualTypeOf<
      readonly ['ofauth', 'listMassMessages']
    >();
    const key = helpers.listMassMessages.queryKey({ type: 'sent' });
    expectTypeOf(key[1]).toEqualTypeOf<'listMassMessages'>();
    expectTypeOf(key[2]).toEqualTypeOf<ParamsOf<'listMassMessages'>>();
    expectTypeOf(
      helpers.listPurchasedMassMessages.infiniteQueryKey()[3],
    ).toEqualTypeOf<'infinite'>();
  });

  it('are tagged with their data, so the cache is typed', () => {
    expectTypeOf(
      queryClient.getQueryData(helpers.listMassMessages.queryKey({ type: 'sent' })),
    ).toEqualTypeOf<MassMessages | undefined>();
    expectTypeOf(
      queryClient.getQueryData(helpers.listPurchasedMassMessages.infiniteQueryKey()),
    ).toEqualTypeOf<InfiniteData<Purchased, ParamsOf<'listPurchasedMassMessages'>> | undefined>();
  });
});

describe('queryOptions', () => {
  it('gives what the call resolves with (a Page) to fetchQuery and QueryObserver', async () => {
    const page = await queryClient.fetchQuery(helpers.listMassMessages.queryOptions({ limit: 5 }));
    expectTypeOf(page).toEqualTypeOf<MassMessages>();
    expectTypeOf(page.list).toEqualTypeOf<MassMessage[]>();
    expectTypeOf(page.hasNextPage()).toBeBoolean();
    const observer = new QueryObserver(
      queryClient,
      helpers.listPurchasedMassMessages.queryOptions(),
    );
    expectTypeOf(observer.getCurrentResult().data).toEqualTypeOf<Purchased | undefined>();
  });

  it('gives the page as data to useQuery, spread options included', () => {
    const { data } = useQuery({
      ...helpers.listMassMessages.queryOptions({ type: 'scheduled' }),
      staleTime: 30_000,
    });
    expectTypeOf(data).toEqualTypeOf<MassMessages | undefined>();
  });

  it('refuses wrong parameters', () => {
    // @ts-expect-error: `type` is one of sent | unsent | scheduled
    helpers.listMassMessages.queryOptions({ type: 'archived' });
    // @ts-expect-error: listPurchasedMassMessages has no `type`
    helpers.listPurchasedMassMessages.queryOptions({ type: 'sent' });
    // @ts-expect-error: `limit` is a number
    helpers.listPurchasedMassMessages.infiniteQueryOptions({ limit: '10' });
    // @ts-expect-error: the signal is the query's, not the caller's
    helpers.listMassMessages.queryOptions({}, { signal: new AbortController().signal });
    // @ts-expect-error: maxItems bounds the client's own iteration, not a query
    helpers.listMassMessages.infiniteQueryOptions({}, { maxItems: 5 });
  });
});

describe('infiniteQueryOptions', () => {
  it('gives InfiniteData of Pages, paged by request params, to fetchInfiniteQuery', async () => {
    expectTypeOf(
      await queryClient.fetchInfiniteQuery(
        helpers.listMassMessages.infiniteQueryOptions({ type: 'sent' }),
      ),
    ).toEqualTypeOf<InfiniteData<MassMessages, ParamsOf<'listMassMessages'>>>();
    const observer = new InfiniteQueryObserver(
      queryClient,
      helpers.listPurchasedMassMessages.infiniteQueryOptions(),
    );
    // The observer's own default data type leaves the page parameter `unknown`.
    expectTypeOf(observer.getCurrentResult().data).toEqualTypeOf<
      InfiniteData<Purchased> | undefined
    >();
  });

  it('gives InfiniteData to useInfiniteQuery, and itemsOf the items', () => {
    const { data, fetchNextPage, hasNextPage } = useInfiniteQuery(
      helpers.listMassMessages.infiniteQueryOptions({ type: 'sent' }),
    );
    // React's default data type, the same as with its own `infiniteQueryOptions`.
    expectTypeOf(data).toEqualTypeOf<InfiniteData<MassMessages> | undefined>();
    expectTypeOf(hasNextPage).toBeBoolean();
    expectTypeOf(fetchNextPage).toBeFunction();
    expectTypeOf(helpers.listMassMessages.itemsOf(data)).toEqualTypeOf<MassMessage[]>();
    expectTypeOf(helpers.listPurchasedMassMessages.itemsOf(undefined)).toEqualTypeOf<
      PurchasedMassMessage[]
    >();
  });

  it("pages by the request's params: the first are the call's, the next the page's", () => {
    const options = helpers.listMassMessages.infiniteQueryOptions();
    expectTypeOf(options.initialPageParam).toEqualTypeOf<ParamsOf<'listMassMessages'>>();
    expectTypeOf(options.getNextPageParam).parameter(0).toEqualTypeOf<MassMessages>();
    expectTypeOf(options.getNextPageParam).returns.toEqualTypeOf<
      ParamsOf<'listMassMessages'> | null | undefined
    >();
  });
});

// Every shape, through the client's fixture table.
type Schemas = components['schemas'];
declare const fixtureClient: FixtureClient;
declare const fixtureTable: typeof table;
const shapes = helpersOf(fixtureTable, fixtureClient);

describe('helpersOf a client of any generated table', () => {
  it('has the helpers of every operation of the client', () => {
    expectTypeOf(shapes).toEqualTypeOf<QueryHelpersOf<FixtureClient>>();
    expectTypeOf<keyof typeof shapes>().toEqualTypeOf<keyof FixtureClient>();
  });
});

describe('an offset-paged list under a path parameter (listFixtureBuyers)', () => {
  type Params = { massMessageId: string; limit?: number; offset?: number | null };
  type Buyers = Page<Schemas['FixtureBuyersPage'], Schemas['FixtureBuyer'], Params>;
  const buyers = shapes.listFixtureBuyers;

  it('requires the path parameter, in the key too', () => {
    expectTypeOf(buyers.queryKey({ massMessageId: 'm1' })).toExtend<
      readonly ['ofauth', 'listFixtureBuyers', Params]
    >();
    // @ts-expect-error: the path parameter is required
    buyers.queryOptions();
    // @ts-expect-error: the path parameter is required
    buyers.infiniteQueryOptions({ limit: 5 });
    // A key prefix may name the path parameter alone: every query of that message.
    expectTypeOf(buyers.key({ massMessageId: 'm1' })).toExtend<readonly unknown[]>();
  });

  it('has queryOptions (a Page) and infiniteQueryOptions (Pages by params)', async () => {
    expectTypeOf(
      await queryClient.fetchQuery(buyers.queryOptions({ massMessageId: 'm1' })),
    ).toExtend<Buyers>();
    const data = await queryClient.fetchInfiniteQuery(
      buyers.infiniteQueryOptions({ massMessageId: 'm1' }),
    );
    expectTypeOf(data.pageParams).toEqualTypeOf<Params[]>();
    expectTypeOf(data.pages[0]?.nextPageParams()).toEqualTypeOf<Params | null | undefined>();
    expectTypeOf(buyers.itemsOf(data)).toEqualTypeOf<Schemas['FixtureBuyer'][]>();
  });
});

describe('a page without offset (listFixtureSent)', () => {
  const sent = shapes.listFixtureSent;

  it('has queryOptions, whose data is a SinglePage', async () => {
    const page = await queryClient.fetchQuery(
      sent.queryOptions({ startDate: '2026-11-01T00:00:00Z' }),
    );
    expectTypeOf(page).toExtend<SinglePage<Schemas['PurchasedMassMessagesPage']>>();
    expectTypeOf(page.hasNextPage()).toEqualTypeOf<false>();
  });

  it('has no infinite query: there is no next page to ask for', () => {
    // @ts-expect-error: no infiniteQueryOptions
    void sent.infiniteQueryOptions;
    // @ts-expect-error: nor its key
    void sent.infiniteQueryKey;
    // @ts-expect-error: nor itemsOf (pages of an infinite query)
    void sent.itemsOf;
  });
});

describe('an object operation (getFixtureChart)', () => {
  const chart = shapes.getFixtureChart;

  it('has queryOptions, whose data is the object', async () => {
    const data = await queryClient.fetchQuery(chart.queryOptions({ withTotal: true }));
    expectTypeOf(data).toEqualTypeOf<WithRequestID<Schemas['FixtureChart']>>();
    // @ts-expect-error: a boolean, not its text
    chart.queryOptions({ withTotal: 'true' });
  });

  it('has no infinite query', () => {
    // @ts-expect-error: no infiniteQueryOptions
    void chart.infiniteQueryOptions;
  });
});
