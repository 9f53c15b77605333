// Pages (openai-node's Page): what an awaited call of a page operation resolves with. A page is
// the body itself — its own keys, its JSON and its equality are the body's — with the page
// methods on its prototype (non-enumerable), and what it needs to reach the next page kept beside
// it, out of sight. A prototype rather than own properties, so a page stays a page through code
// that copies plain objects only (TanStack Query's structural sharing keeps a non-plain object as
// it is).
//
// The one implementation of paging is `walk`: page after page, with look-ahead and the
// caller's signal. Item iteration (`itemsOf`) reads the items off the walk's pages, so nothing
// pages twice.
import { OFAuthError } from './errors.js';
import type { WithRequestID } from './types.js';

/** The methods of a page of an offset-paged operation. */
export interface PageMethods<Body, Item, Params = Record<string, unknown>>
  extends AsyncIterable<Item> {
  /**
   * Whether there is a next page: the page says `hasMore`, holds items (an empty page that
   * claims more would loop forever), and `maxItems` is not reached.
   */
  hasNextPage(): boolean;
  /**
   * The parameters of the next page's request (null when hasNextPage() is false): the call's,
   * `offset` moved past this page's items, `limit` kept (lowered to what `maxItems` leaves).
   * Plain data: calling the method with them gets the next page, wherever the page was kept
   * (an infinite query's page parameter, a URL).
   */
  nextPageParams(): Params | null;
  /**
   * Sends the next page's request (nextPageParams(), with the call's options). Rejects, sending
   * nothing, when hasNextPage() is false.
   */
  getNextPage(): Promise<Page<Body, Item, Params>>;
  /** This page, then each next page, while there is one (look-ahead and signal as the call's). */
  iterPages(): AsyncGenerator<Page<Body, Item, Params>, void, undefined>;
}

/** A page of an offset-paged operation: the body, its request id, and the page methods. */
export type Page<Body, Item, Params = Record<string, unknown>> = WithRequestID<Body> &
  PageMethods<Body, Item, Params>;

/** A page of an operation without offset: one page, hasMore or not; nothing to page to. */
export interface SinglePageMethods {
  /** Always false: the operation has no parameter that moves to a next page. */
  hasNextPage(): false;
}

/** A page of an operation without offset: the body, its request id and hasNextPage(), false. */
export type SinglePage<Body> = WithRequestID<Body> & SinglePageMethods;

/** What a page knows of the call it belongs to. */
export interface Link {
  /** Its items that count: all of them, or those within `maxItems`. */
  items: readonly unknown[];
  /** The next page's request parameters; undefined when there is no next page. */
  params: object | undefined;
  /** Sends the next page's request with a signal (only called when there is a next page). */
  next: (signal: AbortSignal | undefined) => Promise<object>;
  /** The call's signal and look-ahead: getNextPage() and iterPages() use them. */
  signal: AbortSignal | undefined;
  lookahead: boolean | undefined;
  /** `listMassMessages: `, for the error of getNextPage() on the last page. */
  where: string;
}

const links = new WeakMap<object, Link>();
const linkOf = (page: object) => links.get(page) as Link;

/**
 * Pages one after the other, the first from `first` (undefined: none). Stops when a page has no
 * next one. With `lookahead`, the next page is requested as a page is yielded. Follows `signal`,
 * and is aborted on exit, so no look-ahead outlives the loop.
 */
export async function* walk<P extends object>(
  first: (signal: AbortSignal) => Promise<P> | undefined,
  signal: AbortSignal | undefined,
  lookahead: boolean | undefined,
): AsyncGenerator<P, void, undefined> {
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort);
  if (signal?.aborted) abort();
  try {
    let pending = first(controller.signal);
    while (pending) {
      const page: P = await pending;
      const { params, next: load } = linkOf(page);
      const next = () => (params ? (load(controller.signal) as Promise<P>) : undefined);
      pending = lookahead ? next() : undefined;
      // An abandoned look-ahead's rejection is expected, not unhandled.
      pending?.catch(() => {});
      yield page;
      if (!lookahead) pending = next();
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    controller.abort();
  }
}

/** The items of the pages, in order (within `maxItems`). */
export async function* itemsOf<Item>(pages: AsyncIterable<object>): AsyncGenerator<Item> {
  for await (const page of pages) yield* linkOf(page).items as Item[];
}

// Classes, whose methods are not enumerable: a page's keys are its body's, even to `for...in`.
// Never constructed: a body gets the prototype (`toPage`).
class OffsetPage implements PageMethods<unknown, unknown> {
  hasNextPage() {
    return !!linkOf(this).params;
  }
  nextPageParams() {
    const { params } = linkOf(this);
    return params ? { ...params } : null;
  }
  getNextPage() {
    const { params, next, signal, where } = linkOf(this);
    return params
      ? (next(signal) as never)
      : Promise.reject(
          new OFAuthError(
            `${where}no next page (hasMore false, no items, or maxItems reached): check hasNextPage() first`,
          ),
        );
  }
  iterPages() {
    const { signal, lookahead } = linkOf(this);
    return walk(() => Promise.resolve(this), signal, lookahead) as never;
  }
  [Symbol.asyncIterator]() {
    return itemsOf(this.iterPages());
  }
}

class SinglePageBody implements SinglePageMethods {
  hasNextPage() {
    return false as const;
  }
}

/** Makes a body a page of an offset-paged operation, linked to its call. */
export function toPage(body: object, link: Link): void {
  links.set(body, link);
  Object.setPrototypeOf(body, OffsetPage.prototype);
}

/** Makes a body a page of an operation without offset. */
export function toSinglePage(body: object): void {
  Object.setPrototypeOf(body, SinglePageBody.prototype);
}
