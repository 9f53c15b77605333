// What a list method returns: awaited, one page; looped with `for await`, every item across
// pages (openai-node's PagePromise). Lazy: nothing is sent until it is awaited or iterated, so a
// call that is only iterated never sends the single-page request.
import { paginate } from './paginate.js';
import type { APIResponse, WithRequestID } from './types.js';

/** Sends one page request: the call's params, with `offset`/`limit` replaced when paging. */
export type LoadPage<Page extends Record<string, unknown>> = (
  paging?: { offset: number; limit: number; signal: AbortSignal } | undefined,
) => Promise<APIResponse<Page>>;

/** How `for await` pages, from the call's params and options. */
export interface Paging {
  /** The page's item array: `list`, `items`. */
  field: string;
  /** The first offset: the call's `offset`, else 0. */
  start: number;
  /** Items per request: the call's `limit`, else the operation's maximum. */
  pageSize: number;
  maxItems: number;
  lookahead: boolean | undefined;
  signal: AbortSignal | undefined;
}

export class PagePromise<Page extends Record<string, unknown>, Item>
  implements PromiseLike<WithRequestID<Page>>, AsyncIterable<Item>
{
  #load: LoadPage<Page>;
  #paging: () => Paging;
  #sent: Promise<APIResponse<Page>> | undefined;

  /** `paging` runs when iteration starts (it checks the paging options then). */
  constructor(load: LoadPage<Page>, paging: () => Paging) {
    this.#load = load;
    this.#paging = paging;
  }

  /** The page with its response and request id: `const { data, response, requestId } = await …withResponse()`. */
  withResponse(): Promise<APIResponse<Page>> {
    this.#sent ??= this.#load();
    return this.#sent;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaited like a promise, on purpose.
  then<A = WithRequestID<Page>, B = never>(
    onfulfilled?: ((page: WithRequestID<Page>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.withResponse()
      .then((sent) => sent.data)
      .then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null) {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null) {
    return this.then().finally(onfinally);
  }

  /** Every item, page after page (its own requests: pages of `limit ?? maximum` from `offset ?? 0`). */
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    const { field, start, pageSize, maxItems, lookahead, signal } = this.#paging();
    return paginate<Item>(
      async (offset, limit, signal) => (await this.#load({ offset, limit, signal })).data,
      field,
      start,
      pageSize,
      maxItems,
      lookahead,
      signal,
    );
  }
}
