// What every method returns (openai-node's APIPromise): a lazy thenable that sends its request
// once, when first awaited (or asked `withResponse()`), however often it is awaited. A plain
// object rather than a Promise subclass: the same behaviour in fewer bytes of the browser bundle.
import type { APIResponse, WithRequestID } from './types.js';

export interface APIPromise<T> extends PromiseLike<WithRequestID<T>> {
  /** Sends the request (once) and settles with the body (a page, or the operation's object). */
  then<A = WithRequestID<T>, B = never>(
    onfulfilled?: ((value: WithRequestID<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  /** The body with its response and request id: `const { data, response, requestId } = await call.withResponse()`. */
  withResponse(): Promise<APIResponse<T>>;
  catch<B = never>(
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<WithRequestID<T> | B>;
  finally(onfinally?: (() => void) | null): Promise<WithRequestID<T>>;
}

/** `load` sends the call's request: once, however often the result is awaited. */
export function apiPromise<T>(load: () => Promise<APIResponse<T>>): APIPromise<T> {
  let sent: Promise<APIResponse<T>> | undefined;
  const withResponse = () => {
    sent ??= load();
    return sent;
  };
  const then: APIPromise<T>['then'] = (onfulfilled, onrejected) =>
    withResponse()
      .then((response) => response.data)
      .then(onfulfilled, onrejected);
  return {
    withResponse,
    then,
    catch: (onrejected) => then(undefined, onrejected),
    finally: (onfinally) => then().finally(onfinally),
  };
}
