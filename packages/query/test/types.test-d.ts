// The helpers' types: keys, data of every consumer (query-core's QueryClient and observers, and
// React's hooks as the README uses them), and refused parameters.
import type {
  MassMessage,
  MassMessagesPage,
  OFAuthClient,
  PurchasedMassMessage,
  PurchasedMassMessagesPage,
} from '@ofauth-mass-messages/client';
import {
  type InfiniteData,
  InfiniteQueryObserver,
  QueryClient,
  QueryObserver,
} from '@tanstack/query-core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import { createQueryHelpers } from '../src/helpers.js';
import type { QueryableClient } from '../src/types.js';

declare const client: OFAuthClient;
const helpers = createQueryHelpers(client);
const queryClient = new QueryClient();

describe('createQueryHelpers', () => {
  it('takes the client createClient returns', () => {
    expectTypeOf<OFAuthClient>().toExtend<QueryableClient>();
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
    expectTypeOf(
      helpers.listPurchasedMassMessages.infiniteQueryKey()[3],
    ).toEqualTypeOf<'infinite'>();
  });

  it('are tagged with their data, so the cache is typed', () => {
    expectTypeOf(
      queryClient.getQueryData(helpers.listMassMessages.queryKey({ type: 'sent' })),
    ).toEqualTypeOf<MassMessagesPage | undefined>();
    expectTypeOf(
      queryClient.getQueryData(helpers.listPurchasedMassMessages.infiniteQueryKey()),
    ).toEqualTypeOf<InfiniteData<PurchasedMassMessagesPage, number> | undefined>();
  });
});

describe('queryOptions', () => {
  it('gives the page as data to fetchQuery and QueryObserver', async () => {
    expectTypeOf(
      await queryClient.fetchQuery(helpers.listMassMessages.queryOptions({ limit: 5 })),
    ).toEqualTypeOf<MassMessagesPage>();
    const observer = new QueryObserver(
      queryClient,
      helpers.listPurchasedMassMessages.queryOptions(),
    );
    expectTypeOf(observer.getCurrentResult().data).toEqualTypeOf<
      PurchasedMassMessagesPage | undefined
    >();
  });

  it('gives the page as data to useQuery, spread options included', () => {
    const { data } = useQuery({
      ...helpers.listMassMessages.queryOptions({ type: 'scheduled' }),
      staleTime: 30_000,
    });
    expectTypeOf(data).toEqualTypeOf<MassMessagesPage | undefined>();
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
  });
});

describe('infiniteQueryOptions', () => {
  it('gives InfiniteData of pages by offset to fetchInfiniteQuery and the observer', async () => {
    expectTypeOf(
      await queryClient.fetchInfiniteQuery(
        helpers.listMassMessages.infiniteQueryOptions({ type: 'sent' }),
      ),
    ).toEqualTypeOf<InfiniteData<MassMessagesPage, number>>();
    const observer = new InfiniteQueryObserver(
      queryClient,
      helpers.listPurchasedMassMessages.infiniteQueryOptions(),
    );
    // The observer's own default data type leaves the page parameter `unknown`.
    expectTypeOf(observer.getCurrentResult().data).toEqualTypeOf<
      InfiniteData<PurchasedMassMessagesPage> | undefined
    >();
  });

  it('gives InfiniteData to useInfiniteQuery, and itemsOf the items', () => {
    const { data, fetchNextPage, hasNextPage } = useInfiniteQuery(
      helpers.listMassMessages.infiniteQueryOptions({ type: 'sent' }),
    );
    // React's default data type, the same as with its own `infiniteQueryOptions`.
    expectTypeOf(data).toEqualTypeOf<InfiniteData<MassMessagesPage> | undefined>();
    expectTypeOf(data?.pages).toEqualTypeOf<MassMessagesPage[] | undefined>();
    expectTypeOf(hasNextPage).toBeBoolean();
    expectTypeOf(fetchNextPage).toBeFunction();
    expectTypeOf(helpers.listMassMessages.itemsOf(data)).toEqualTypeOf<MassMessage[]>();
    expectTypeOf(helpers.listPurchasedMassMessages.itemsOf(undefined)).toEqualTypeOf<
      PurchasedMassMessage[]
    >();
  });

  it('pages by a numeric offset', () => {
    const options = helpers.listMassMessages.infiniteQueryOptions();
    expectTypeOf(options.initialPageParam).toBeNumber();
    expectTypeOf(options.getNextPageParam).returns.toEqualTypeOf<number | null | undefined>();
  });
});
