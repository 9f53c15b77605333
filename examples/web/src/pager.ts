// Turns the client's item iterator into "pages" for a Load more button. One item is read ahead
// so the button can disappear exactly when the last row is shown, instead of after a click that
// finds nothing.

export interface Page<T> {
  items: T[];
  /** True when the iterator has at least one more item. */
  hasMore: boolean;
}

export class Pager<T> {
  readonly #iterator: AsyncIterator<T>;
  #peeked: IteratorResult<T> | undefined;
  // A failure while reading ahead belongs to the next page: the rows already read are shown first.
  #peekError: { error: unknown } | undefined;

  constructor(iterable: AsyncIterable<T>) {
    this.#iterator = iterable[Symbol.asyncIterator]();
  }

  /** Reads up to `size` items; an error from the iterator propagates to the caller. */
  async next(size: number): Promise<Page<T>> {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`page size must be a positive integer, got ${size}`);
    }
    const items: T[] = [];
    while (items.length < size) {
      const result = await this.#read();
      if (result.done) return { items, hasMore: false };
      items.push(result.value);
    }
    try {
      this.#peeked = await this.#iterator.next();
    } catch (error) {
      this.#peekError = { error };
      return { items, hasMore: true };
    }
    return { items, hasMore: this.#peeked.done !== true };
  }

  /** Stops the underlying iterator (ends its pending request loop). */
  async close(): Promise<void> {
    await this.#iterator.return?.();
  }

  async #read(): Promise<IteratorResult<T>> {
    if (this.#peekError !== undefined) {
      const { error } = this.#peekError;
      this.#peekError = undefined;
      throw error;
    }
    if (this.#peeked !== undefined) {
      const peeked = this.#peeked;
      this.#peeked = undefined;
      return peeked;
    }
    return this.#iterator.next();
  }
}
