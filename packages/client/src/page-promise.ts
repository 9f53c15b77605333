// What a method of an offset-paged operation returns (openai-node's PagePromise): an APIPromise
// of the first page that also iterates — `for await (const item of call)` for every item,
// `for await (const page of call.iterPages())` for every page. Lazy like the APIPromise: a call
// that is only iterated never sends the awaited call's request; each iteration sends its own.
import { type APIPromise, apiPromise } from './api-promise.js';
import { itemsOf } from './page.js';
import type { APIResponse } from './types.js';

export interface PagePromise<P, Item> extends APIPromise<P>, AsyncIterable<Item> {
  /**
   * Every page: pages of `limit` (default: the operation's maximum) from `offset` (default 0),
   * until one has no next page or `maxItems` items are reached.
   */
  iterPages(): AsyncGenerator<P, void, undefined>;
}

/** `load` sends the awaited call's request; `iterPages` walks the pages with requests of its own. */
export function pagePromise<P extends object, Item>(
  load: () => Promise<APIResponse<P>>,
  iterPages: () => AsyncGenerator<P, void, undefined>,
): PagePromise<P, Item> {
  return Object.assign(apiPromise(load), {
    iterPages,
    [Symbol.asyncIterator]: () => itemsOf<Item>(iterPages()),
  });
}
