// Pages an infinite query to its end the way a "load more" button does: the first page through
// `fetchInfiniteQuery`, then `fetchNextPage` on an observer while it reports a next page.
import { type InfiniteData, InfiniteQueryObserver, type QueryClient } from '@tanstack/query-core';

/** A page parameter: the request parameters of the page (`page.nextPageParams()` of the one before). */
type PageParams = Record<string, unknown> & { offset?: number | null };

export interface Collected<Page> {
  data: InfiniteData<Page, PageParams>;
  hasNextPage: boolean;
  /** The `fetchNextPage` calls made after the first page. */
  nextPageCalls: number;
}

// biome-ignore lint/suspicious/noExplicitAny: accepts any operation's infinite options.
type AnyInfiniteOptions = any;

export async function collectAllPages<Page>(
  queryClient: QueryClient,
  options: AnyInfiniteOptions,
  /** A bound, so a query that never ends fails the test instead of hanging it. */
  maxPages: number,
): Promise<Collected<Page>> {
  await queryClient.fetchInfiniteQuery(options);
  const observer = new InfiniteQueryObserver<Page, Error, InfiniteData<Page, PageParams>>(
    queryClient,
    options,
  );
  let result = observer.getCurrentResult();
  let nextPageCalls = 0;
  while (result.hasNextPage) {
    if (nextPageCalls + 1 >= maxPages) {
      throw new Error(`still a next page after ${maxPages} pages`);
    }
    result = await observer.fetchNextPage();
    nextPageCalls += 1;
    if (result.isError) throw result.error;
  }
  if (result.data === undefined) throw new Error('the infinite query has no data');
  return { data: result.data, hasNextPage: result.hasNextPage, nextPageCalls };
}
