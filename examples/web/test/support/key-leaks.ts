// Looks for a secret everywhere a browser could expose it: the requests a page sends (URL,
// headers, body), the files a build ships, and a page's DOM and storage.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** Records every request of every page of `context` from now on (read after the pages close). */
export function recordRequests(context: BrowserContext): { requests(): Promise<SentRequest[]> } {
  const pending: Promise<SentRequest>[] = [];
  context.on('request', (request) => {
    pending.push(
      request.allHeaders().then(
        (headers) => ({ url: request.url(), headers, body: request.postData() }),
        // A request whose page closed before its headers were read: what it had is enough.
        () => ({ url: request.url(), headers: request.headers(), body: request.postData() }),
      ),
    );
  });
  return { requests: () => Promise.all(pending) };
}

/** The requests whose URL, header names or values, or body contain `secret`. */
export function requestsWith(requests: readonly SentRequest[], secret: string): SentRequest[] {
  return requests.filter(
    (request) =>
      request.url.includes(secret) ||
      Object.entries(request.headers).some(
        ([name, value]) => name.includes(secret) || value.includes(secret),
      ) ||
      (request.body ?? '').includes(secret),
  );
}

export interface ScanResult {
  files: number;
  bytes: number;
  /** Paths (relative to the folder) of the files that contain the secret. */
  hits: string[];
}

/** Reads every file under `dir` as bytes and looks for `secret` in it. */
export async function scanFolder(dir: string, secret: string): Promise<ScanResult> {
  const needle = Buffer.from(secret);
  const result: ScanResult = { files: 0, bytes: 0, hits: [] };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path);
    result.files += 1;
    result.bytes += content.length;
    if (content.includes(needle)) result.hits.push(relative(dir, path));
  }
  return result;
}

/** Where in a page the secret shows: its HTML, form values, storage and cookies. */
export async function pageLeaks(page: Page, secret: string): Promise<string[]> {
  return page.evaluate((needle) => {
    const places: Record<string, string> = {
      html: document.documentElement.outerHTML,
      'form values': [...document.querySelectorAll('input, select, textarea')]
        .map((el) => (el as HTMLInputElement).value)
        .join('\n'),
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
    };
    return Object.entries(places)
      .filter(([, text]) => text.includes(needle))
      .map(([place]) => place);
  }, secret);
}
