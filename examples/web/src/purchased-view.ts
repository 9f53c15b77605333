import type { ParamsOf } from '@ofauth-mass-messages/client';
import type { CallOptions, QueryOptionsHelpers } from '@ofauth-mass-messages/query';
import { type QueryClient, QueryObserver } from '@tanstack/query-core';
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

type Helpers = QueryOptionsHelpers<'listPurchasedMassMessages'>;
const observe = (queryClient: QueryClient, options: ReturnType<Helpers['queryOptions']>) =>
  new QueryObserver(queryClient, options);
type Observer = ReturnType<typeof observe>;
type Result = ReturnType<Observer['getCurrentResult']>;

/**
 * The purchased-messages table: one page, with price, counts and media thumbnails, through
 * TanStack Query (`queryOptions` of `@ofauth-mass-messages/query`). A new `show()` stops
 * following the previous query (TanStack aborts its request) and asks again.
 */
export class PurchasedView {
  readonly #queryClient: QueryClient;
  readonly #helpers: Helpers;
  readonly #section: TableSection;
  readonly #describeError: (error: unknown) => string;
  #unsubscribe: (() => void) | undefined;
  /** The page whose rows the table shows. */
  #shown: Result['data'];

  constructor(
    queryClient: QueryClient,
    helpers: Helpers,
    section: TableSection,
    describeError: (error: unknown) => string,
  ) {
    this.#queryClient = queryClient;
    this.#helpers = helpers;
    this.#section = section;
    this.#describeError = describeError;
  }

  /** Shows the page of `params`, asked with `options` (the scenario's headers). */
  show(params: ParamsOf<'listPurchasedMassMessages'>, options: CallOptions): void {
    this.#unsubscribe?.();
    const queryOptions = this.#helpers.queryOptions(params, options);
    // Asked again, whatever is cached: the scenario's headers are not part of the key.
    this.#queryClient.removeQueries({ queryKey: queryOptions.queryKey, exact: true });
    const observer = observe(this.#queryClient, queryOptions);
    this.#section.clear();
    this.#shown = undefined;
    this.#unsubscribe = observer.subscribe((result) => this.#render(result));
    this.#render(observer.getCurrentResult());
  }

  #render({ data, error, isFetching }: Result): void {
    if (data !== this.#shown) {
      this.#shown = data;
      this.#section.clear();
      this.#section.append((data?.items ?? []).map(purchasedRow));
    }
    const shown = this.#section.rowCount;
    if (isFetching) this.#section.loading('Loading purchased mass messages…');
    else if (error !== null)
      this.#section.failed(`Could not load purchased mass messages. ${this.#describeError(error)}`);
    else
      this.#section.done(
        data?.hasMore
          ? `Showing the first ${shown} purchased mass messages.`
          : `Showing all ${shown} purchased mass messages.`,
      );
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
