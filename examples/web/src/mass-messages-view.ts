import { h, plainText } from './dom';
import { formatCount, formatDate, formatMediaSummary, formatPrice, formatSender } from './format';
import { Pager } from './pager';
import type { TableSection } from './table-section';

/** The fields of a `listMassMessages` item this table shows. */
export interface MassMessageLike {
  id: number;
  text: string;
  fromUser: { id: number; name?: string };
  media: readonly { type: string }[];
  date?: string;
  createdAt?: string;
  price?: string;
  isFree?: boolean;
  sentCount?: number;
  viewedCount?: number;
}

/**
 * The mass-message table: each "Load more" click reads the next page from the client's iterator.
 * A new `show()` (filter or scenario change) abandons the previous iterator; results of a load
 * that was still running are dropped, so rows of two filters never mix.
 */
export class MassMessagesView<T extends MassMessageLike> {
  readonly #section: TableSection;
  readonly #loadMore: HTMLButtonElement;
  readonly #describeError: (error: unknown) => string;
  #pager: Pager<T> | undefined;
  #pageSize = 1;
  #generation = 0;

  constructor(
    section: TableSection,
    loadMore: HTMLButtonElement,
    describeError: (error: unknown) => string,
  ) {
    this.#section = section;
    this.#loadMore = loadMore;
    this.#describeError = describeError;
    loadMore.addEventListener('click', () => void this.loadMore());
  }

  /**
   * Starts over with a fresh iterator and shows its first page. `open` may throw (the client
   * checks the iterator's arguments when it is created): that is shown like a failed request.
   */
  async show(open: () => AsyncIterable<T>, pageSize: number): Promise<void> {
    void this.#pager?.close();
    this.#pager = undefined;
    this.#generation += 1;
    this.#pageSize = pageSize;
    this.#section.clear();
    this.#loadMore.hidden = true;
    try {
      this.#pager = new Pager(open());
    } catch (error) {
      this.#section.failed(`Could not load mass messages. ${this.#describeError(error)}`);
      return;
    }
    await this.loadMore();
  }

  async loadMore(): Promise<void> {
    const pager = this.#pager;
    if (pager === undefined) return;
    const generation = this.#generation;
    this.#section.loading('Loading mass messages…');
    this.#loadMore.disabled = true;
    this.#loadMore.textContent = 'Loading…';
    try {
      const page = await pager.next(this.#pageSize);
      if (generation !== this.#generation) return;
      this.#section.append(page.items.map(massMessageRow));
      this.#loadMore.hidden = !page.hasMore;
      const shown = this.#section.rowCount;
      this.#section.done(
        page.hasMore
          ? `Showing ${shown} mass messages; more available.`
          : `Showing all ${shown} mass messages.`,
      );
    } catch (error) {
      if (generation !== this.#generation) return;
      // A failed iterator cannot resume: hide the button; Reload starts a new one.
      this.#loadMore.hidden = true;
      this.#section.failed(`Could not load mass messages. ${this.#describeError(error)}`);
    } finally {
      if (generation === this.#generation) {
        this.#loadMore.disabled = false;
        this.#loadMore.textContent = 'Load more';
      }
    }
  }
}

function massMessageRow(message: MassMessageLike): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-id': String(message.id) },
    h('td', { class: 'id' }, String(message.id)),
    h('td', { class: 'text' }, plainText(message.text)),
    h('td', {}, formatSender(message.fromUser)),
    h('td', { class: 'date' }, formatDate(message.date ?? message.createdAt)),
    h('td', { class: 'num' }, formatMediaSummary(message.media)),
    h('td', { class: 'num' }, formatPrice(message.price, message.isFree)),
    h('td', { class: 'num' }, formatCount(message.sentCount)),
    h('td', { class: 'num' }, formatCount(message.viewedCount)),
  );
}
