// The example app and the API reference page in a real Chromium (driven by playwright-core; see
// support/chromium.ts for which one). The app runs twice, on the same assertions:
//   - "server": built without any key, served by `vite preview` with the API proxy mounted at
//     /api (the key lives in the proxy's server-side options), forwarding to the mocks package's
//     mock server (`startMockServer`, what `pnpm mock` and `pnpm dev` run) in its default mode;
//   - "MSW": built with VITE_OFAUTH_MOCK=msw, served as plain files: the page answers /api
//     itself through the mocks package's MSW handlers in a service worker; no mock server runs.
// Every row the page shows is checked against what the same mock serves, read without the app.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import { operations as table } from '@ofauth-mass-messages/spec/operations';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATH } from '../src/config';
import { apiProxy } from '../vite-plugins/api-proxy';
import { type AppServer, startAppServer } from './support/app-server';
import { buildApp } from './support/build-app';
import { type Browser, launchChromium } from './support/chromium';
import { inPageGet } from './support/in-page-api';
import { pageLeaks, recordRequests, requestsWith, scanFolder } from './support/key-leaks';
import {
  allMassMessages,
  MASS_MESSAGES_PATH,
  type MockGet,
  massMessagesPage,
  PURCHASED_PATH,
  purchasedPage,
  serverGet,
  TEST_API_KEY,
  TEST_CONNECTION_ID,
  visibleText,
} from './support/mock-api';
import { keepOffline, type OfflineLog } from './support/offline';

const REPORTS = new URL('../reports/', import.meta.url).pathname;
const PAGE_SIZE = 10;
// Small enough to page through quickly, large enough for several "Load more" clicks per type.
const DATASET = { massMessages: 60, purchased: 30 };

type Mock = Awaited<ReturnType<typeof startMockServer>>;

/** One way of running the app: where it is served and how to read what its mock serves. */
interface Target {
  app: AppServer;
  outDir: string;
  /** What the page's mock serves, read without the app. */
  get: MockGet;
}

interface Env {
  browser: Browser;
  offline: OfflineLog;
  sent: ReturnType<typeof recordRequests>;
  /** The `apiKey` header of every request the proxy sent upstream. */
  upstreamKeys: (string | null)[];
  server: Target;
  msw: Target;
}

// Everything started here, recorded as soon as it exists, so afterAll stops exactly that.
const started: {
  browser?: Browser;
  mock?: Mock;
  apps: AppServer[];
  buildDirs: string[];
  pages: Page[];
} = { apps: [], buildDirs: [], pages: [] };
let ready: Promise<Env> | undefined;

/**
 * Starts Chromium, the mock, both builds and their servers once, on first use. A failure
 * (a mock that won't start, a build error) is rethrown by every test, so each one fails with
 * the reason instead of being reported as skipped.
 */
function env(): Promise<Env> {
  ready ??= (async () => {
    const browser = await launchChromium();
    started.browser = browser;
    console.log(`browser test: Chromium from ${browser.description}`);
    const offline = await keepOffline(browser.context);
    const sent = recordRequests(browser.context);
    // The mock's default mode: "Load more" must reach the end on what `pnpm dev` starts.
    const mock = await startMockServer({ port: 0, seed: 7, dataset: DATASET });
    started.mock = mock;

    // Both builds see the key in their environment, under the proxy's name and under the
    // VITE_ name an old README used: neither may reach the bundle.
    const keyInEnv = { OFAUTH_API_KEY: TEST_API_KEY, VITE_OFAUTH_API_KEY: TEST_API_KEY };
    const proxiedDir = await buildApp({ ...keyInEnv, VITE_OFAUTH_PAGE_SIZE: String(PAGE_SIZE) });
    started.buildDirs.push(proxiedDir);
    const mswDir = await buildApp({
      ...keyInEnv,
      VITE_OFAUTH_PAGE_SIZE: String(PAGE_SIZE),
      VITE_OFAUTH_MOCK: 'msw',
    });
    started.buildDirs.push(mswDir);

    const upstreamKeys: (string | null)[] = [];
    const proxied = await startAppServer(proxiedDir, [
      apiProxy(() => ({
        apiKey: TEST_API_KEY,
        connectionId: TEST_CONNECTION_ID,
        upstream: mock.url,
        fetch: (input, init) => {
          upstreamKeys.push(new Headers(init?.headers).get('apikey'));
          return fetch(input, init);
        },
      })),
    ]);
    started.apps.push(proxied);
    // No proxy, no mock server: only files.
    const plain = await startAppServer(mswDir, []);
    started.apps.push(plain);

    // A page with the worker running, for reading what the in-page mock serves.
    const reader = await browser.context.newPage();
    started.pages.push(reader);
    await reader.goto(`${plain.url}/`);
    await settled(reader);

    await mkdir(REPORTS, { recursive: true });
    return {
      browser,
      offline,
      sent,
      upstreamKeys,
      server: { app: proxied, outDir: proxiedDir, get: serverGet(mock.url) },
      msw: { app: plain, outDir: mswDir, get: inPageGet(reader, API_PATH) },
    };
  })();
  return ready;
}

// Start everything under the hook's longer timeout (a mock server and two builds on a busy
// 2-core machine), but never fail here: a failed hook would report the tests as skipped, while
// each test awaiting env() fails with the reason.
beforeAll(async () => {
  await env().catch(() => {});
}, 240_000);

afterAll(async () => {
  for (const page of started.pages) await page.close().catch(() => {});
  await started.browser?.close();
  for (const app of started.apps) await app.stop();
  await started.mock?.stop();
  for (const dir of started.buildDirs) await rm(dir, { recursive: true, force: true });
});

/** Opens the app and waits for both tables to settle. */
async function openApp(target: Target): Promise<Page> {
  const { browser } = await env();
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${target.app.url}/`);
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

/**
 * How many clearly coloured pixels `text` has when drawn with the page's Noto Color Emoji (the
 * app's own @font-face, loaded first) on a canvas.
 */
function colouredPixels(page: Page, text: string): Promise<number> {
  return page.evaluate(async (glyph) => {
    const font = '48px "Noto Color Emoji"';
    await document.fonts.load(font, glyph);
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d canvas');
    context.font = font;
    context.textBaseline = 'top';
    context.fillText(glyph, 4, 4);
    const { data } = context.getImageData(0, 0, 64, 64);
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = data.subarray(i, i + 4);
      if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured += 1;
    }
    return coloured;
  }, text);
}

/** Digits of a displayed count or price ("1,843" → "1843", "$12.99" → "12.99"). */
const digits = (text: string | undefined) => (text ?? '').replace(/[^0-9.]/g, '');

const TARGETS = [
  { name: 'server', label: 'the mock server through the proxy', pick: (e: Env) => e.server },
  { name: 'MSW', label: 'MSW in the page (service worker, no server)', pick: (e: Env) => e.msw },
] as const;

describe.each(TARGETS)('example app on $label', ({ name, pick }) => {
  const target = async () => pick(await env());
  const shot = (suffix = '') => join(REPORTS, `example-web-${name.toLowerCase()}${suffix}.png`);

  it('shows a loading state until the first page arrives (the "slow" scenario)', async () => {
    const page = await openApp(await target());
    await page.selectOption('#scenario', 'slow');
    await page.waitForSelector('#mass-messages[aria-busy="true"]');
    expect(await page.textContent('#mass-messages [data-role="status"]')).toBe(
      'Loading mass messages…',
    );
    expect(await page.$$('#mass-messages tbody tr')).toHaveLength(0);
    expect(await page.isHidden('#load-more')).toBe(true);
    await settled(page);
    expect(await page.$$('#mass-messages tbody tr')).toHaveLength(PAGE_SIZE);
    await page.close();
  });

  it('renders the first page of mass messages exactly as the mock serves it', async () => {
    const { get } = await target();
    const expected = await massMessagesPage(get, { type: 'sent', limit: PAGE_SIZE, offset: 0 });
    expect(expected.list.length, 'the mock must fill a first page').toBe(PAGE_SIZE);
    const page = await openApp(await target());
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
    const { get } = await target();
    const expected = await allMassMessages(get, 'sent');
    expect(expected.length, 'the mock must need several pages').toBeGreaterThan(2 * PAGE_SIZE);
    const page = await openApp(await target());
    // What the page asks of the list after the first page: `offset` of each request.
    const asked: (string | null)[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === `${API_PATH}${MASS_MESSAGES_PATH}`)
        asked.push(url.searchParams.get('offset'));
    });
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
    // One request per click, for the page after the rows shown (the infinite query's next page
    // params, from the client's page API), and none ahead of a click.
    expect(asked).toEqual(Array.from({ length: clicks }, (_, i) => String(PAGE_SIZE * (i + 1))));
    expect(await page.textContent('#mass-messages [data-role="status"]')).toBe(
      `Showing all ${expected.length} mass messages.`,
    );
    // The emoji in the texts are drawn in colour by the app's bundled Noto Color Emoji (not as
    // boxes, nor as nothing): an emoji shown on the page, drawn with that font, has coloured
    // pixels. A box or a missing glyph has none.
    const emoji = expected
      .map((m) => m.text.match(/\p{Extended_Pictographic}/u)?.[0])
      .find(Boolean);
    expect(emoji, 'the mock texts carry emoji').toBeDefined();
    expect(await colouredPixels(page, emoji as string)).toBeGreaterThan(50);
    await page.screenshot({ path: shot(), fullPage: true });
    // The top rows at full size, where the emoji can be seen.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot('-top'), clip: { x: 0, y: 0, width: 1280, height: 480 } });
    await page.close();
  });

  it.each(['unsent', 'scheduled'])('the type filter shows the %s messages', async (type) => {
    const { get } = await target();
    const expected = await massMessagesPage(get, { type, limit: PAGE_SIZE, offset: 0 });
    const page = await openApp(await target());
    await page.selectOption('#type-filter', type);
    await settled(page);
    const rows = await rowsOf(page, '#mass-messages');
    expect(rows.map((r) => r.id)).toEqual(expected.list.map((m) => String(m.id)));
    expect(await page.isVisible('#load-more')).toBe(expected.hasMore);
    await page.close();
  });

  it('shows purchased messages with price, counts and media thumbnails', async () => {
    const { get } = await target();
    const { offline } = await env();
    const expected = await purchasedPage(get, { limit: 20, offset: 0 });
    expect(expected.items.length).toBeGreaterThan(0);
    const page = await openApp(await target());
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
    expect(shownImages, 'the mock has media with image files').toBeGreaterThan(0);
    // Only the media CDN was asked for (and stubbed): nothing else left the machine.
    expect(offline.blocked).toEqual([]);
    await page.close();
  });

  it.each([
    [401, 'Not authorized (401)'],
    [429, 'Rate limited (429)'],
    [500, 'The API failed (500)'],
  ])('scenario %i: both tables say what went wrong', async (status, headline) => {
    const { get } = await target();
    const page = await openApp(await target());
    expect(await page.$$('#mass-messages tbody tr')).not.toHaveLength(0);

    await page.selectOption('#scenario', String(status));
    await settled(page);

    for (const [section, path] of [
      ['#mass-messages', MASS_MESSAGES_PATH],
      ['#purchased', PURCHASED_PATH],
    ] as const) {
      // What the mock answers this scenario, asked directly.
      const served = await get(path, {}, `code=${status}`);
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
    await page.screenshot({ path: shot(`-${status}`), fullPage: true });

    // Back to success: the error goes away and the rows come back.
    await page.selectOption('#scenario', 'ok');
    await settled(page);
    expect(await page.isHidden('#mass-messages [role="alert"]')).toBe(true);
    expect(await page.$$('#mass-messages tbody tr')).not.toHaveLength(0);
    await page.close();
  });
});

describe('a "Load more" that fails (through the proxy)', () => {
  it('shows its error under the rows already shown, and the button asks again', async () => {
    const { server } = await env();
    // The mock's own 500 body, answered once to the request for the second page.
    const served = await server.get(MASS_MESSAGES_PATH, {}, 'code=500');
    const page = await openApp(server);
    const failed: string[] = [];
    await page.route(
      (url) => url.pathname === `${API_PATH}${MASS_MESSAGES_PATH}`,
      (route) => {
        const url = new URL(route.request().url());
        if (failed.length > 0 || url.searchParams.get('offset') !== String(PAGE_SIZE))
          return route.continue();
        failed.push(url.search);
        return route.fulfill({ status: 500, json: served.body });
      },
    );

    await page.click('#load-more');
    await page.waitForSelector('#mass-messages[aria-busy="false"]');
    expect(failed).toHaveLength(1);
    const alert = page.locator('#mass-messages [role="alert"]');
    expect(await alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toContain('The API failed (500)');
    expect(await page.$$('#mass-messages tbody tr')).toHaveLength(PAGE_SIZE);
    expect(await page.isVisible('#load-more')).toBe(true);
    expect(await page.isEnabled('#load-more')).toBe(true);

    await page.click('#load-more');
    await page.waitForSelector('#mass-messages[aria-busy="false"]');
    expect(await alert.isHidden()).toBe(true);
    expect(await page.$$('#mass-messages tbody tr')).toHaveLength(2 * PAGE_SIZE);
    await page.close();
  });
});

describe('"Load more" reaches the end in every mock mode (through the proxy)', () => {
  it.each(['examples', 'dynamic'] as const)('%s mode', async (mode) => {
    const { browser, server } = await env();
    const mock = await startMockServer({ port: 0, mode, seed: 3 });
    const app = await startAppServer(server.outDir, [
      apiProxy(() => ({
        apiKey: TEST_API_KEY,
        connectionId: TEST_CONNECTION_ID,
        upstream: mock.url,
      })),
    ]);
    try {
      const expected = await allMassMessages(serverGet(mock.url), 'sent');
      expect(expected.length).toBeGreaterThan(0);
      const page = await browser.context.newPage();
      await page.goto(`${app.url}/`);
      await settled(page);
      let clicks = 0;
      while (await page.isVisible('#load-more')) {
        // Bounded: a mock whose paging never ends fails here instead of looping.
        expect(clicks).toBeLessThan(Math.ceil(expected.length / PAGE_SIZE));
        await page.click('#load-more');
        clicks += 1;
        await page.waitForSelector('#mass-messages[aria-busy="false"]');
      }
      const rows = await rowsOf(page, '#mass-messages');
      expect(rows.map((r) => r.id)).toEqual(expected.map((m) => String(m.id)));
      expect(await page.textContent('#mass-messages [data-role="status"]')).toBe(
        `Showing all ${expected.length} mass messages.`,
      );
      await page.close();
    } finally {
      await app.stop();
      await mock.stop();
    }
  });
});

describe('in-page mock: answered by the service worker, no server behind /api', () => {
  it('the page is controlled by the MSW worker and its server saw no /api request', async () => {
    const { msw } = await env();
    const page = await openApp(msw);
    const controlled = await page.evaluate(
      () => navigator.serviceWorker.controller?.scriptURL ?? null,
    );
    expect(controlled).toBe(`${msw.app.url}/mockServiceWorker.js`);
    expect(await page.$$('#mass-messages tbody tr')).toHaveLength(PAGE_SIZE);
    expect(msw.app.paths.filter((path) => path.startsWith(API_PATH))).toEqual([]);
    await page.close();
  });
});

describe('keys stay on the server (the run through the proxy)', () => {
  it('the key is in no request the page sent, no built file and no DOM', async () => {
    const { server, msw, sent, upstreamKeys } = await env();
    // One more tour of the app: every page, scenario and filter, checking the DOM at each step.
    const page = await openApp(server);
    const domHits: string[] = [];
    const pagesChecked: string[] = [];
    const checkDom = async (step: string) => {
      pagesChecked.push(step);
      domHits.push(...(await pageLeaks(page, TEST_API_KEY)).map((place) => `${step}: ${place}`));
    };
    await checkDom('first page');
    while (await page.isVisible('#load-more')) {
      await page.click('#load-more');
      await page.waitForSelector('#mass-messages[aria-busy="false"]');
    }
    await checkDom('all rows');
    for (const scenario of ['401', '429', '500', 'ok']) {
      await page.selectOption('#scenario', scenario);
      await settled(page);
      await checkDom(`scenario ${scenario}`);
    }
    await page.close();

    const requests = await sent.requests();
    const apiRequests = requests.filter((r) => new URL(r.url).pathname.startsWith(API_PATH));
    const proxiedRequests = apiRequests.filter((r) => r.url.startsWith(`${server.app.url}/`));
    const leaking = requestsWith(requests, TEST_API_KEY);
    const withKey = upstreamKeys.filter((key) => key === TEST_API_KEY).length;
    const scans = {
      proxied: await scanFolder(server.outDir, TEST_API_KEY),
      msw: await scanFolder(msw.outDir, TEST_API_KEY),
    };
    console.log(
      [
        `key absence (key ${TEST_API_KEY.length} chars, set as OFAUTH_API_KEY and VITE_OFAUTH_API_KEY for both builds):`,
        `  requests the pages sent: ${requests.length} (${apiRequests.length} to ${API_PATH}, ${proxiedRequests.length} of them to the proxy, the rest answered by MSW in the page), URL + headers + body checked; containing the key: ${leaking.length}`,
        `  requests the proxy sent upstream: ${upstreamKeys.length}, with the key in apiKey: ${withKey}`,
        `  built files (proxy build): ${scans.proxied.files} files, ${scans.proxied.bytes} bytes; containing the key: ${scans.proxied.hits.length}`,
        `  built files (MSW build): ${scans.msw.files} files, ${scans.msw.bytes} bytes; containing the key: ${scans.msw.hits.length}`,
        `  DOM (html, form values, storage, cookies) at ${pagesChecked.length} steps (${pagesChecked.join(', ')}); containing the key: ${domHits.length}`,
      ].join('\n'),
    );
    // The proxy did use the key, so its absence in the browser is not an accident of the setup.
    expect(proxiedRequests.length).toBeGreaterThan(0);
    expect(withKey).toBe(upstreamKeys.length);
    expect(withKey).toBeGreaterThan(0);
    expect(leaking.map((r) => r.url)).toEqual([]);
    expect(scans.proxied.hits).toEqual([]);
    expect(scans.msw.hits).toEqual([]);
    expect(scans.proxied.files).toBeGreaterThan(1);
    expect(domHits).toEqual([]);
    // Nor the header that carries it: the page sends no credentials of any kind.
    const credentialHeaders = apiRequests.flatMap((r) =>
      Object.keys(r.headers).filter((h) =>
        ['apikey', 'x-connection-id', 'authorization'].includes(h),
      ),
    );
    expect(credentialHeaders).toEqual([]);
  });
});

describe("API reference page (the spec package's docs output)", () => {
  const require = createRequire(import.meta.url);
  const specRoot = dirname(require.resolve('@ofauth-mass-messages/spec/package.json'));
  const docs = join(specRoot, 'docs', 'dist', 'index.html');

  it('shows every operation of the operations table', async () => {
    const { browser } = await env();
    const operations = table;
    expect(operations.length).toBeGreaterThan(0);
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
    for (const { path, summary } of operations) {
      await page.getByText(path, { exact: true }).first().click();
      await page.getByText(String(summary), { exact: true }).first().waitFor();
    }
    await page.screenshot({ path: join(REPORTS, 'reference-page.png') });
    await page.close();
  });
});
