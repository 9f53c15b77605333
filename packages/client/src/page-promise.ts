// What a list method returns: awaited, one page; looped with `for await`, every item across
// pages (openai-node's PagePromise). Lazy: nothing is sent until it is awaited or iterated, so a
// call that is only iterated never sends the single-page request. A plain object rather than a
// class: the same behaviour in fewer bytes of the browser bundle.
import type { APIResponse, WithRequestID } from './types.js';

export interface PagePromise<Page, Item>
  extends PromiseLike<WithRequestID<Page>>,
    AsyncIterable<Item> {
  /** Sends the request (once) and settles with the page. */
  then<A = WithRequestID<Page>, B = never>(
    onfulfilled?: ((page: WithRequestID<Page>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  /** The page with its response and request id: `const { data, response, requestId } = await call.withResponse()`. */
  withResponse(): Promise<APIResponse<Page>>;
  catch<B = never>(
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<WithRequestID<Page> | B>;
  finally(onfinally?: (() => void) | null): Promise<WithRequestID<Page>>;
}

/**
 * `load` sends the call's request (once, however often the result is awaited); `iterate` pages
 * through every item with requests of its own.
 */
export function pagePromise<Page, Item>(
  load: () => Promise<APIResponse<Page>>,
  iterate: () => AsyncIterator<Item>,
): PagePromise<Page, Item> {
  let sent: Promise<APIResponse<Page>> | undefined;
  const withResponse = () => {
    sent ??= load();
    return sent;
  };
  const then: PagePromise<Page, Item>['then'] = (onfulfilled, onrejected) =>
    withResponse()
      .then((response) => response.data)
      .then(onfulfilled, onrejected);
  return {
    withResponse,
    then,
    catch: (onrejected) => then(undefined, onrejected),
    finally: (onfinally) => then().finally(onfinally),
    [Symbol.asyncIterator]: iterate,
  };
}
