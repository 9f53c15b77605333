// Wires the page: reads the config, builds the client, its TanStack Query helpers
// (@ofauth-mass-messages/query) and a QueryClient, and reloads both tables whenever the scenario,
// the type filter or the Reload button asks for it.
// Noto Color Emoji from npm (COLRv1 woff2, split by unicode-range: a page loads only the parts
// its text uses), so a machine without an emoji font (a bare Linux, CI) shows emoji, not boxes.
// Its @font-face rules ask for COLRv1 support (`tech(color-COLRv1)`): a browser without it
// skips them and uses its own emoji font. (@fontsource's build has only OT-SVG glyphs, which
// Chromium draws as nothing.)
import '@infolektuell/noto-color-emoji';
import './style.css';
import { createClient, type MassMessageType } from '@ofauth-mass-messages/client';
import { createQueryHelpers } from '@ofauth-mass-messages/query';
import { QueryClient } from '@tanstack/query-core';
import { API_PATH, readConfig } from './config';
import { h, requireElement } from './dom';
import { describeError } from './error-message';
import { MASS_MESSAGE_TYPES } from './mass-message-types';
import { MassMessagesView } from './mass-messages-view';
import { PurchasedView } from './purchased-view';
import { SCENARIOS, scenarioHeaders } from './scenario';
import { TableSection } from './table-section';

// Purchased messages are shown one page deep; 20 is the endpoint's default page size.
const PURCHASED_LIMIT = 20;

function start(inPageMock: boolean): void {
  const config = readConfig(
    { VITE_OFAUTH_PAGE_SIZE: import.meta.env.VITE_OFAUTH_PAGE_SIZE },
    window.location.search,
  );
  // No apiKey, no connection id: the proxy at /api on this page's server adds them. A demo of
  // failures shows them at once; a real app keeps the client's default retries.
  const client = createClient({ baseUrl: API_PATH, maxRetries: 0 });
  const helpers = createQueryHelpers(client);
  // The client does the retrying (here none, for the demo): TanStack's own retries would multiply
  // them. Never mounted: no refetch on focus or reconnect; the page reloads when asked.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

  requireElement(document, '#base-url', HTMLElement).textContent = inPageMock
    ? `${API_PATH} (in-page mock: MSW service worker)`
    : `${API_PATH} (the server's proxy)`;
  const form = requireElement(document, '#controls', HTMLFormElement);
  const scenario = requireElement(document, '#scenario', HTMLSelectElement);
  const typeFilter = requireElement(document, '#type-filter', HTMLSelectElement);
  scenario.append(...SCENARIOS.map((s) => h('option', { value: s.id }, s.label)));
  typeFilter.append(...MASS_MESSAGE_TYPES.map((type) => h('option', { value: type }, type)));

  const massMessages = new MassMessagesView(
    queryClient,
    helpers.listMassMessages,
    new TableSection(requireElement(document, '#mass-messages', HTMLElement)),
    requireElement(document, '#load-more', HTMLButtonElement),
    describeError,
  );
  const purchased = new PurchasedView(
    queryClient,
    helpers.listPurchasedMassMessages,
    new TableSection(requireElement(document, '#purchased', HTMLElement)),
    describeError,
  );

  const reload = () => {
    const headers = scenarioHeaders(scenario.value);
    const type = typeFilter.value as MassMessageType;
    // An infinite query: pages of pageSize rows, one more per "Load more".
    massMessages.show({ type, limit: config.pageSize }, { headers });
    purchased.show({ limit: PURCHASED_LIMIT }, { headers });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    reload();
  });
  scenario.addEventListener('change', reload);
  typeFilter.addEventListener('change', reload);
  reload();
}

async function boot(): Promise<void> {
  // A build made with VITE_OFAUTH_MOCK=msw answers /api in the page (MSW service worker); the
  // check is replaced at build time, so other builds contain no MSW code at all.
  const inPageMock = import.meta.env.VITE_OFAUTH_MOCK === 'msw';
  if (inPageMock) {
    const { startInPageMock } = await import('./in-page-mock');
    await startInPageMock();
  }
  start(inPageMock);
}

boot().catch((error: unknown) => {
  // A bad setting (page size) or a mock that won't start stops the app before any request.
  const alert = h(
    'div',
    { class: 'error', role: 'alert' },
    `The app could not start: ${String(error instanceof Error ? error.message : error)}`,
  );
  document.querySelector('main')?.prepend(alert);
});
