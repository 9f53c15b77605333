import { h, plainText } from './dom';
import { formatCount, formatDate, formatPrice } from './format';
import type { TableSection } from './table-section';
import { thumbnailCell } from './thumbnail-cell';
import type { MediaLike } from './thumbnails';

/** The fields of a `listPurchasedMassMessages` item this table shows. */
export interface PurchasedMessageLike {
  id: number;
  text: string;
  date: string;
  media: readonly MediaLike[];
  price?: string;
  isFree?: boolean;
  purchasedCount?: number;
  viewedCount?: number;
  sentCount?: number;
}

export interface PurchasedPage<T> {
  items: readonly T[];
  hasMore: boolean;
}

/** The purchased-messages table: one page, with price, counts and media thumbnails. */
export class PurchasedView<T extends PurchasedMessageLike> {
  readonly #section: TableSection;
  readonly #describeError: (error: unknown) => string;
  #generation = 0;

  constructor(section: TableSection, describeError: (error: unknown) => string) {
    this.#section = section;
    this.#describeError = describeError;
  }

  async show(load: () => PromiseLike<PurchasedPage<T>>): Promise<void> {
    this.#generation += 1;
    const generation = this.#generation;
    this.#section.clear();
    this.#section.loading('Loading purchased mass messages…');
    try {
      const page = await load();
      if (generation !== this.#generation) return;
      this.#section.append(page.items.map(purchasedRow));
      const shown = page.items.length;
      this.#section.done(
        page.hasMore
          ? `Showing the first ${shown} purchased mass messages.`
          : `Showing all ${shown} purchased mass messages.`,
      );
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#section.failed(`Could not load purchased mass messages. ${this.#describeError(error)}`);
    }
  }
}

function purchasedRow(message: PurchasedMessageLike): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-id': String(message.id) },
    h('td', { class: 'id' }, String(message.id)),
    thumbnailCell(message.media),
    h('td', { class: 'text' }, plainText(message.text)),
    h('td', { class: 'date' }, formatDate(message.date)),
    h('td', { class: 'num' }, formatPrice(message.price, message.isFree)),
    h('td', { class: 'num' }, formatCount(message.purchasedCount)),
    h('td', { class: 'num' }, formatCount(message.viewedCount)),
    h('td', { class: 'num' }, formatCount(message.sentCount)),
  );
}
