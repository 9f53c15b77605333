// Examples mode's honest page sequence. The spec's 200 examples are pages; the ones with items
// are laid end to end (those saying `hasMore: true` first, then the rest, in document order), so
// offset 0 is `firstPage`, the next offset `lastPage`, and past the end the example without
// items (`emptyPage`). A client that pages with `offset += items.length` until `hasMore` is
// false sees each example once and stops. A date range keeps the items it selects, in the same
// order; `hasMore` then counts what the range holds.
import type { PageOperation as Operation } from '@ofauth-mass-messages/spec/operations';
import type { SpecData } from './spec-data.js';

type PageBody = Record<string, unknown>;

interface Placed {
  start: number;
  body: PageBody;
  items: unknown[];
}

export interface ExamplePages {
  /** Total items across the examples. */
  total: number;
  /**
   * The page at `offset`, at most `limit` items, `hasMore` true while items lie after it; with
   * `keep`, only the items it keeps count.
   */
  page(offset: number, limit: number, keep?: (item: unknown) => boolean): PageBody;
}

function place(bodies: PageBody[], field: string, keep?: (item: unknown) => boolean) {
  const placed: Placed[] = [];
  let total = 0;
  for (const body of bodies) {
    const items = keep ? (body[field] as unknown[]).filter(keep) : (body[field] as unknown[]);
    if (items.length === 0) continue;
    placed.push({ start: total, body, items });
    total += items.length;
  }
  return { placed, total };
}

export function examplePages(spec: SpecData, operation: Operation): ExamplePages {
  const field = operation.itemsField;
  const bodies = Object.values(spec.responses[operation.operationId]?.['200']?.examples ?? {})
    .filter((body): body is PageBody => typeof body === 'object' && body !== null)
    .filter((body) => Array.isArray(body[field]));
  const withItems = bodies.filter((body) => (body[field] as unknown[]).length > 0);
  const ordered = [
    ...withItems.filter((body) => body.hasMore === true),
    ...withItems.filter((body) => body.hasMore !== true),
  ];
  const all = place(ordered, field);
  const empty = bodies.find((body) => (body[field] as unknown[]).length === 0) ?? {
    [field]: [],
    hasMore: false,
  };
  return {
    total: all.total,
    page(offset, limit, keep) {
      const { placed, total } = keep ? place(ordered, field, keep) : all;
      const at = placed.find(
        ({ start, items }) => offset >= start && offset < start + items.length,
      );
      if (!at) return { ...empty, [field]: [], hasMore: false };
      // The example as written when the request lines up with it; otherwise the part asked for.
      const items = at.items.slice(offset - at.start, offset - at.start + limit);
      return { ...at.body, [field]: items, hasMore: offset + items.length < total };
    },
  };
}
