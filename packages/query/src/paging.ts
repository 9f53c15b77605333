// How an infinite query moves through an operation's pages. The page parameter is the offset of
// the page's first item; the next one is the last offset plus the items actually received (not
// plus `limit`: a server may send fewer than asked and still have more).

/** The next page's offset, or `undefined` when the last page was the end. */
export function nextOffset(
  hasMore: boolean,
  received: number,
  lastOffset: number,
): number | undefined {
  // An empty page that claims more would ask for the same offset forever: treat it as the end.
  if (!hasMore || received === 0) return undefined;
  return lastOffset + received;
}

/** The parameters of the request for the page at `offset`. */
export function pageParams<Params extends { limit?: number | undefined }>(
  params: Params,
  offset: number,
  maximumPageSize: number,
): Params & { limit: number; offset: number } {
  // Fewest requests: a page as large as the operation allows unless the caller chose a size.
  return { ...params, limit: params.limit ?? maximumPageSize, offset };
}
