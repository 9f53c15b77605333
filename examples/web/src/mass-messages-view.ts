import type { ParamsOf } from '@ofauth-mass-messages/client';
import type { CallOptions, InfiniteQueryHelpers } from '@ofauth-mass-messages/query';
import { InfiniteQueryObserver, type QueryClient } from '@tanstack/query-core';
import { h, plainText } from './dom';
import { formatCount, formatDate, formatMediaSummary, formatPrice, formatSender } from './format';
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

type Helpers = InfiniteQueryHelpers<'listMassMessages'>;
const observe = (queryClient: QueryClient, options: ReturnType<Helpers['infiniteQueryOptions']>) =>
  new InfiniteQueryObserver(queryClient, options);
type Observer = ReturnType<typeof observe>;
type Result = ReturnType<Observer['getCurrentResult']>;

/**
 * The mass-message table: TanStack Query's infinite query of `listMassMessages`
 * (`@ofauth-mass-messages/query`), one page per "Load more" click. The query pages through the
 * client's page API: the button shows while the last page has a next one, so it disappears
 * exactly with the last row. A new `show()` (filter, scenario, Reload) stops following the
 * previous query (TanStack aborts its request) and starts from the first page.
 */
export class MassMessagesView {
  readonly #queryClient: QueryClient;
  readonly #helpers: Helpers;
  readonly #section: TableSection;
  readonly #loadMore: HTMLButtonElement;
  readonly #describeError: (error: unknown) => string;
  #observer: Observer | undefined;
  #unsubscribe: (() => void) | undefined;
  /** The data whose rows the table shows. */
  #shown: Result['data'];

  constructor(
    queryClient: QueryClient,
    helpers: Helpers,
    section: TableSection,
    loadMore: HTMLButtonElement,
    describeError: (error: unknown) => string,
  ) {
    this.#queryClient = queryClient;
    this.#helpers = helpers;
    this.#section = section;
    this.#loadMore = loadMore;
    this.#describeError = describeError;
    loadMore.addEventListener('click', () => this.loadMore());
  }

  /** Shows the first page of `params`, asked with `options` (the scenario's headers). */
  show(params: ParamsOf<'listMassMessages'>, options: CallOptions): void {
    this.#unsubscribe?.();
    const queryOptions = this.#helpers.infiniteQueryOptions(params, options);
    // From the first page, whatever is cached: the scenario's headers are call options, not
    // part of the key, so a cached query of the same params may have been asked for another.
    this.#queryClient.removeQueries({ queryKey: queryOptions.queryKey, exact: true });
    const observer = observe(this.#queryClient, queryOptions);
    this.#observer = observer;
    this.#section.clear();
    this.#shown = undefined;
    this.#unsubscribe = observer.subscribe((result) => this.#render(result));
    // Subscribing started the request: show that now, not when TanStack next notifies.
    this.#render(observer.getCurrentResult());
  }

  /** Asks for the next page; a failure shows like the first page's, and the button stays. */
  loadMore(): void {
    const observer = this.#observer;
    if (observer === undefined) return;
    const { hasNextPage, isFetching } = observer.getCurrentResult();
    if (!hasNextPage || isFetching) return;
    // Never rejects: a failed page is the query's error, rendered from the result.
    void observer.fetchNextPage();
    this.#render(observer.getCurrentResult());
  }

  #render(result: Result): void {
    const { data, error, isFetching, isFetchingNextPage, hasNextPage } = result;
    if (data !== this.#shown) {
      this.#shown = data;
      this.#section.clear();
      this.#section.append(this.#helpers.itemsOf(data).map(massMessageRow));
    }
    this.#loadMore.hidden = !hasNextPage;
    this.#loadMore.disabled = isFetching;
    this.#loadMore.textContent = isFetchingNextPage ? 'Loading…' : 'Load more';
    const shown = this.#section.rowCount;
    if (isFetching) this.#section.loading('Loading mass messages…');
    else if (error !== null)
      this.#section.failed(`Could not load mass messages. ${this.#describeError(error)}`);
    else
      this.#section.done(
        hasNextPage
          ? `Showing ${shown} mass messages; more available.`
          : `Showing all ${shown} mass messages.`,
      );
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
