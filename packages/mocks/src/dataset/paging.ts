// Honest paging: a page is the records from `offset`, at most `limit` of them, and `hasMore`
// says whether any record lies after it.

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

export function pageOf<T>(records: readonly T[], limit: number, offset: number): Page<T> {
  const items = records.slice(offset, offset + limit);
  return { items, hasMore: offset + items.length < records.length };
}
