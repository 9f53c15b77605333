// Offset auto-pagination: pages of `pageSize` from `offset`, at most `maxItems` items,
// optionally fetching the next page while the caller consumes the current one.

/** Fetches the page at `offset` of at most `limit` items; `signal` cancels it. */
export type PageFetcher = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<Record<string, unknown>>;

/**
 * Yields the items of `page[field]`, page after page. Stops when a page says `hasMore: false`,
 * when a page comes back empty (even if it claims more: an API bug must not loop forever), or
 * at `maxItems`. Leaving the loop early (break, throw) cancels a look-ahead still in flight.
 */
export async function* paginate<T>(
  fetchPage: PageFetcher,
  field: string,
  start: number,
  pageSize: number,
  maxItems: number,
  lookahead: boolean | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<T, void, undefined> {
  // Follows the caller's signal, and is aborted on exit so no look-ahead outlives the loop.
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort);
  if (signal?.aborted) abort();
  let offset = start;
  let left = maxItems;
  const fetchNext = () => {
    const next = fetchPage(offset, Math.min(pageSize, left), controller.signal);
    // An abandoned look-ahead's rejection is expected, not unhandled.
    next.catch(() => {});
    return next;
  };
  try {
    let pending: ReturnType<PageFetcher> | false | undefined = left > 0 && fetchNext();
    while (pending) {
      const page: Record<string, unknown> = await pending;
      const items = page[field] as T[];
      const kept = items.slice(0, left);
      offset += items.length;
      left -= kept.length;
      const more: boolean = page.hasMore === true && items.length > 0 && left > 0;
      pending = more && lookahead && fetchNext();
      yield* kept;
      if (more && !lookahead) pending = fetchNext();
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    controller.abort();
  }
}
