// The example app and the API reference page in a real browser (Debian's Chromium driven by
// playwright-core): the app is built for a mock server started here, served by a static server
// started here, and every row it shows is checked against what the same mock serves.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMockServer } from '@ofauth-mass-messages/mocks';
import { listOperations } from '@ofauth-mass-messages/spec';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './support/build-app';
import { type Browser, launchChromium } from './support/chromium';
import {
  allMassMessages,
  getFromMock,
  MASS_MESSAGES_PATH,
  massMessagesPage,
  PURCHASED_PATH,
  purchasedPage,
  TEST_API_KEY,
  TEST_CONNECTION_ID,
  visibleText,
} from './support/mock-api';
import { keepOffline, type OfflineLog } from './support/offline';
import { type StaticServer, startStaticServer } from './support/static-server';

const REPORTS = new URL('../reports/', import.meta.url).pathname;
const PAGE_SIZE = 10;
// Small enough to page through quickly, large enough for several "Load more" clicks per type.
const DATASET = { massMessages: 60, purchased: 30 };

type Mock = Awaited<ReturnType<typeof startMockServer>>;

interface Env {
  browser: Browser;
  offline: OfflineLog;
  datasetMock: Mock;
  examplesMock: Mock;
  app: StaticServer;
}

// Everything started here, recorded as soon as it exists, so afterAll stops exactly that.
const started: Partial<Env> & { buildDir?: string } = {};
let ready: Promise<Env> | undefined;

/**
 * Starts Chromium, the mocks, the build and its server once, on first use. A failure (Chromium
 * missing, a mock that won't start) is rethrown by every test, so each one fails with the
 * reason instead of being reported as skipped.
 */
function env(): Promise<Env> {
  ready ??= (async () => {
    // Chromium first: without it nothing else is worth starting, and the error says how to fix it.
    const browser = await launchChromium();
    started.browser = browser;
    console.log(`browser test: Chromium from ${browser.description}`);
    const offline = await keepOffline(browser.context);
    const mocks = await Promise.allSettled([
      startMockServer({ port: 0, mode: 'dataset', seed: 7, dataset: DATASET }),
      startMockServer({ port: 0, mode: 'examples' }),
    ]);
    if (mocks[0].status === 'fulfilled') started.datasetMock = mocks[0].value;
    if (mocks[1].status === 'fulfilled') started.examplesMock = mocks[1].value;
    for (const result of mocks) if (result.status === 'rejected') throw result.reason;
    const datasetMock = started.datasetMock as Mock;
    started.buildDir = await buildApp({
      VITE_OFAUTH_BASE_URL: datasetMock.url,
      VITE_OFAUTH_API_KEY: TEST_API_KEY,
      VITE_OFAUTH_CONNECTION_ID: TEST_CONNECTION_ID,
      VITE_OFAUTH_PAGE_SIZE: String(PAGE_SIZE),
    });
    started.app = await startStaticServer(started.buildDir);
    await mkdir(REPORTS, { recursive: true });
    return {
      browser,
      offline,
      datasetMock,
      examplesMock: started.examplesMock as Mock,
      app: started.app,
    };
  })();
  return ready;
}

// Start everything under the hook's longer timeout (two Prism children and a build on a busy
// 2-core machine), but never fail here: a failed hook would report the tests as skipped, while
// each test awaiting env() fails with the reason.
beforeAll(async () => {
  await env().catch(() => {});
}, 180_000);

afterAll(async () => {
  await started.browser?.close();
  await started.app?.stop();
  await Promise.all([started.datasetMock?.stop(), started.examplesMock?.stop()]);
  if (started.buildDir) await rm(started.buildDir, { recursive: true, force: true });
});

/** Opens the app (optionally on another mock) and waits for both tables to settle. */
async function openApp(baseUrl?: string): Promise<Page> {
  const { browser, app } = await env();
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const query = baseUrl === undefined ? '' : `?baseUrl=${encodeURIComponent(baseUrl)}`;
  await page.goto(`${app.url}/${query}`);
  await settled(page);
  expect(errors, 'uncaught errors on the page').toEqual([]);
  return page;
}

/** Waits until neither table is loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('#mass-messages[aria-busy="false"]');
  await page.waitForSelector('#purchased[aria-busy="false"]');
}

/** The cells of every row of a table, as text. */
function rowsOf(page: Page, section: string): Promise<{ id: string; cells: string[] }[]> {
  return page.$$eval(`${section} tbody tr`, (rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-id') ?? '',
      cells: [...row.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
}

/** Digits of a displayed count or price ("1,843" → "1843", "$12.99" → "12.99"). */
const digits = (text: string | undefined) => (text ?? '').replace(/[^0-9.]/g, '');

describe('example app on the dataset mock', () => {
  it('shows a loading state until the first page arrives', async () => {
    const { browser, app } = await env();
    const page = await browser.context.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold the first mass-message request until the loading state has been seen.
    await page.route(
      (url) => url.pathname === MASS_MESSAGES_PATH,
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await page.goto(`${app.url}/`);
    await page.waitForSelector('#mass-messages[aria-busy="true"]');
    expect(await page.textContent('#mass-messages [data-role="status"]')).toBe(
      'Loading mass messages…',
    );
    expect(await page.$$('#mass-messages tbody tr')).toHaveLength(0);
    expect(await page.isHidden('#load-more')).toBe(true);
    release();
    await settled(page);
    expect(await page.$$('#mass-messages tbody tr')).toHaveLength(PAGE_SIZE);
    await page.close();
  });

  it('renders the first page of mass messages exactly as the mock serves it', async () => {
    const { datasetMock } = await env();
    const expected = await massMessagesPage(datasetMock.url, {
      type: 'sent',
      limit: PAGE_SIZE,
      offset: 0,
    });
    expect(expected.list.length, 'the dataset must fill a first page').toBe(PAGE_SIZE);
    const page = await openApp();
    const rows = await rowsOf(page, '#mass-messages');
    expect(rows.map((r) => r.id)).toEqual(expected.list.map((m) => String(m.id)));
    for (const [i, message] of expected.list.entries()) {
      const [id, text, from, , , price, sent, viewed] = rows[i]?.cells ?? [];
      expect(id).toBe(String(message.id));
      expect(text).toBe(visibleText(message.text));
      expect(from).toBe(message.fromUser.name || `#${message.fromUser.id}`);
      if (message.isFree === true) expect(price).toBe('Free');
      else if (message.price !== undefined)
        expect(Number(digits(price))).toBe(Number(message.price));
      if (message.sentCount !== undefined) expect(Number(digits(sent))).toBe(message.sentCount);
      if (message.viewedCount !== undefined)
        expect(Number(digits(viewed))).toBe(message.viewedCount);
    }
    expect(await page.isVisible('#load-more')).toBe(expected.hasMore);
    await page.close();
  });

  it('"Load more" pages through every mass message to the end', async () => {
    const { datasetMock } = await env();
    const expected = await allMassMessages(datasetMock.url, 'sent');
    expect(expected.length, 'the dataset must need several pages').toBeGreaterThan(2 * PAGE_SIZE);
    const page = await openApp();
    let clicks = 0;
    // Bounded: one click per remaining page, plus one to spare.
    while (await page.isVisible('#load-more')) {
      expect(clicks).toBeLessThanOrEqual(Math.ceil(expected.length / PAGE_SIZE));
      await page.click('#load-more');
      clicks += 1;
      await page.waitForSelector('#mass-messages[aria-busy="false"]');
      expect(await page.$$('#mass-messages tbody tr')).toHaveLength(
        Math.min(PAGE_SIZE * (clicks + 1), expected.length),
      );
    }
    const rows = await rowsOf(page, '#mass-messages');
    expect(rows.map((r) => r.id)).toEqual(expected.map((m) => String(m.id)));
    expect(rows.map((r) => r.cells[1])).toEqual(expected.map((m) => visibleText(m.text)));
    expect(clicks).toBe(Math.ceil(expected.length / PAGE_SIZE) - 1);
    expect(await page.textContent('#mass-messages [data-role="status"]')).toBe(
      `Showing all ${expected.length} mass messages.`,
    );
    await page.screenshot({ path: join(REPORTS, 'example-web.png'), fullPage: true });
    await page.close();
  });

  it.each(['unsent', 'scheduled'])('the type filter shows the %s messages', async (type) => {
    const { datasetMock } = await env();
    const expected = await massMessagesPage(datasetMock.url, { type, limit: PAGE_SIZE, offset: 0 });
    const page = await openApp();
    await page.selectOption('#type-filter', type);
    await settled(page);
    const rows = await rowsOf(page, '#mass-messages');
    expect(rows.map((r) => r.id)).toEqual(expected.list.map((m) => String(m.id)));
    expect(await page.isVisible('#load-more')).toBe(expected.hasMore);
    await page.close();
  });

  it('shows purchased messages with price, counts and media thumbnails', async () => {
    const { datasetMock, offline } = await env();
    const expected = await purchasedPage(datasetMock.url, { limit: 20, offset: 0 });
    expect(expected.items.length).toBeGreaterThan(0);
    const page = await openApp();
    const rows = await rowsOf(page, '#purchased');
    expect(rows.map((r) => r.id)).toEqual(expected.items.map((m) => String(m.id)));
    for (const [i, message] of expected.items.entries()) {
      const [, , text, , price, purchased, viewed, sent] = rows[i]?.cells ?? [];
      expect(text).toBe(visibleText(message.text));
      if (message.isFree === true) expect(price).toBe('Free');
      else if (message.price !== undefined)
        expect(Number(digits(price))).toBe(Number(message.price));
      for (const [shown, count] of [
        [purchased, message.purchasedCount],
        [viewed, message.viewedCount],
        [sent, message.sentCount],
      ] as const) {
        if (count !== undefined) expect(Number(digits(shown))).toBe(count);
        else expect(shown).toBe('—');
      }
      // One thumbnail per media item, showing one of that media's own image files.
      const thumbs = await page.$$eval(`#purchased tr[data-id="${message.id}"] .thumb`, (els) =>
        els.map((el) => ({
          mediaId: el.getAttribute('data-media-id'),
          src: el instanceof HTMLImageElement ? el.src : null,
          loaded: el instanceof HTMLImageElement ? el.naturalWidth > 0 : null,
        })),
      );
      expect(thumbs.map((t) => t.mediaId)).toEqual(message.media.map((m) => String(m.id)));
      for (const [j, media] of message.media.entries()) {
        const urls = Object.values(media.files ?? {}).map((file) => file?.url);
        if (thumbs[j]?.src !== null) {
          expect(urls).toContain(thumbs[j]?.src);
          expect(thumbs[j]?.loaded, `thumbnail ${thumbs[j]?.src} loaded`).toBe(true);
        }
      }
    }
    const shownImages = await page.$$eval('#purchased img.thumb', (els) => els.length);
    expect(shownImages, 'the dataset has media with image files').toBeGreaterThan(0);
    // Only the media CDN was asked for (and stubbed): nothing else left the machine.
    expect(offline.blocked).toEqual([]);
    await page.close();
  });
});

describe('example app on the examples mock: failures picked by the Prefer header', () => {
  it.each([
    [401, 'Not authorized (401)'],
    [429, 'Rate limited (429)'],
    [500, 'The API failed (500)'],
  ])('%i: both tables say what went wrong', async (status, headline) => {
    const { examplesMock } = await env();
    const page = await openApp(examplesMock.url);
    expect(await page.$$('#mass-messages tbody tr')).not.toHaveLength(0);

    await page.selectOption('#scenario', String(status));
    await settled(page);

    for (const [section, path] of [
      ['#mass-messages', MASS_MESSAGES_PATH],
      ['#purchased', PURCHASED_PATH],
    ] as const) {
      // What the mock answers this scenario, asked directly.
      const served = await getFromMock(examplesMock.url, path, {}, `code=${status}`);
      expect(served.status).toBe(status);
      const message = String((served.body as { message?: unknown }).message ?? '').replace(
        /\.$/,
        '',
      );
      const alert = page.locator(`${section} [role="alert"]`);
      expect(await alert.isVisible()).toBe(true);
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain(headline);
      expect(text).toContain(message);
      expect(await page.$$(`${section} tbody tr`)).toHaveLength(0);
    }
    expect(await page.isHidden('#load-more')).toBe(true);
    expect(await page.textContent('body')).not.toContain(TEST_API_KEY);
    await page.screenshot({ path: join(REPORTS, `example-web-${status}.png`), fullPage: true });

    // Back to success: the error goes away and the rows come back.
    await page.selectOption('#scenario', 'ok');
    await settled(page);
    expect(await page.isHidden('#mass-messages [role="alert"]')).toBe(true);
    expect(await page.$$('#mass-messages tbody tr')).not.toHaveLength(0);
    await page.close();
  });
});

describe("API reference page (the spec package's docs output)", () => {
  const require = createRequire(import.meta.url);
  const specRoot = dirname(require.resolve('@ofauth-mass-messages/spec/package.json'));
  const docs = join(specRoot, 'docs', 'dist', 'index.html');

  it('shows both operations of the spec', async () => {
    const { browser } = await env();
    const operations = listOperations();
    expect(operations.map((op) => op.operationId).sort()).toEqual([
      'listMassMessages',
      'listPurchasedMassMessages',
    ]);
    expect(
      existsSync(docs),
      `${docs} is missing: run the spec's docs task (turbo runs it before this test)`,
    ).toBe(true);
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(docs).href);
    for (const { method, path } of operations) {
      const entry = page.getByText(path, { exact: true }).first();
      await entry.waitFor();
      expect(await entry.isVisible()).toBe(true);
      // The method badge sits beside the path.
      const row = (await entry.locator('xpath=..').textContent()) ?? '';
      expect(row.toUpperCase()).toContain(method.toUpperCase());
    }
    // Each operation's own section opens from its path and shows its summary.
    for (const { path, operation } of operations) {
      await page.getByText(path, { exact: true }).first().click();
      await page.getByText(String(operation.summary), { exact: true }).first().waitFor();
    }
    await page.screenshot({ path: join(REPORTS, 'reference-page.png') });
    await page.close();
  });
});
