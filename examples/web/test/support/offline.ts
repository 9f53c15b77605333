// Keeps the browser on this machine: requests to loopback go through; images from a remote CDN
// (the media URLs in the mock's data) get a generated placeholder; anything else is aborted and
// recorded, so a test can assert the page asked for nothing it should not.
import type { BrowserContext } from 'playwright-core';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface OfflineLog {
  /** Remote image URLs answered with a placeholder. */
  images: string[];
  /** Other remote URLs that were refused. */
  blocked: string[];
}

export async function keepOffline(context: BrowserContext): Promise<OfflineLog> {
  const log: OfflineLog = { images: [], blocked: [] };
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !LOOPBACK.has(url.hostname),
    async (route) => {
      const request = route.request();
      // An image the page asked for, or one a service worker (MSW passing unhandled requests
      // on) fetches for it: that fetch keeps the image's Accept header, not its resource type.
      const accept = request.headers().accept ?? '';
      if (request.resourceType() === 'image' || accept.startsWith('image/')) {
        log.images.push(request.url());
        await route.fulfill({
          status: 200,
          contentType: 'image/svg+xml',
          body: placeholder(request.url()),
        });
      } else {
        log.blocked.push(request.url());
        await route.abort('internetdisconnected');
      }
    },
  );
  return log;
}

/** A square in a colour derived from the URL, so different media look different. */
function placeholder(url: string): string {
  let hash = 0;
  for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="hsl(${hue} 55% 62%)"/><circle cx="40" cy="34" r="14" fill="hsl(${hue} 60% 85%)"/></svg>`;
}
