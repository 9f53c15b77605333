// Wires the page: reads the config, builds the client, and reloads both tables whenever the
// scenario, the type filter or the Reload button asks for it.
import './style.css';
import { createClient, type MassMessageType } from '@ofauth-mass-messages/client';
import { readConfig } from './config';
import { h, requireElement } from './dom';
import { describeError } from './error-message';
import { MASS_MESSAGE_TYPES } from './mass-message-types';
import { MassMessagesView } from './mass-messages-view';
import { PurchasedView } from './purchased-view';
import { SCENARIOS, scenarioHeaders } from './scenario';
import { TableSection } from './table-section';

// Purchased messages are shown one page deep; 20 is the endpoint's default page size.
const PURCHASED_LIMIT = 20;

function start(): void {
  const config = readConfig(import.meta.env, window.location.search);
  // A demo of failures shows them at once; a real app keeps the client's default retries.
  const client = createClient({
    apiKey: config.apiKey,
    connectionId: config.connectionId,
    baseUrl: config.baseUrl,
    maxRetries: 0,
  });
  const explain = (error: unknown) => describeError(error, config.apiKey);

  requireElement(document, '#base-url', HTMLElement).textContent = config.baseUrl;
  const form = requireElement(document, '#controls', HTMLFormElement);
  const scenario = requireElement(document, '#scenario', HTMLSelectElement);
  const typeFilter = requireElement(document, '#type-filter', HTMLSelectElement);
  scenario.append(...SCENARIOS.map((s) => h('option', { value: s.id }, s.label)));
  typeFilter.append(...MASS_MESSAGE_TYPES.map((type) => h('option', { value: type }, type)));

  const massMessages = new MassMessagesView(
    new TableSection(requireElement(document, '#mass-messages', HTMLElement)),
    requireElement(document, '#load-more', HTMLButtonElement),
    explain,
  );
  const purchased = new PurchasedView(
    new TableSection(requireElement(document, '#purchased', HTMLElement)),
    explain,
  );

  const reload = () => {
    const headers = scenarioHeaders(scenario.value);
    const type = typeFilter.value as MassMessageType;
    void massMessages.show(
      () => client.iterateMassMessages({ type, pageSize: config.pageSize }, { headers }),
      config.pageSize,
    );
    void purchased.show(() =>
      client.listPurchasedMassMessages({ limit: PURCHASED_LIMIT }, { headers }),
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    reload();
  });
  scenario.addEventListener('change', reload);
  typeFilter.addEventListener('change', reload);
  reload();
}

try {
  start();
} catch (error) {
  // A bad setting (base URL, page size) stops the app before any request: say which one.
  const alert = h(
    'div',
    { class: 'error', role: 'alert' },
    `The app could not start: ${String(error instanceof Error ? error.message : error)}`,
  );
  document.querySelector('main')?.prepend(alert);
}
