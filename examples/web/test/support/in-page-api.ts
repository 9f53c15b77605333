// Reads the in-page mock (MSW) the way the app's own page reaches it: a plain fetch of /api from
// a page whose service worker is running, without the app's client or code.
import type { Page } from 'playwright-core';
import type { MockGet } from './mock-api';

/** A MockGet that fetches `/api<path>` inside `page` (which must have the worker started). */
export function inPageGet(page: Page, apiPath: string): MockGet {
  return async (path, query, prefer) => {
    const url = new URL(`${apiPath}${path}`, page.url());
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    return page.evaluate(
      async ({ href, prefer }) => {
        const response = await fetch(href, { headers: prefer ? { Prefer: prefer } : {} });
        return { status: response.status, body: await response.json() };
      },
      { href: url.href, prefer },
    );
  };
}
