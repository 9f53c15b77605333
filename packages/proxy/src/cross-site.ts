// Refuses requests another site made the browser send. CORS keeps a foreign page from reading
// the answer, not from sending the request: an <img src>, a no-cors fetch or a form would still
// spend the creator's rate limit under the server's key. Browsers say where a request comes from
// (`Sec-Fetch-Site`, and `Origin` on cross-origin requests); requests from servers or curl carry
// neither and go on to the app's authorize hook.
import { clip, errorResponse } from './errors.js';

/** Sec-Fetch-Site values that need no allowed origin: the page's own, or the user typing a URL. */
const OWN_SITE = new Set(['same-origin', 'none']);

/** The 403 for a request from another site, or undefined. */
export function crossSiteRefusal(
  request: Request,
  url: URL,
  allowedOrigins: ReadonlySet<string>,
): Response | undefined {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const listed = origin !== null && allowedOrigins.has(origin);
  // `Origin: null` (a sandboxed frame, a file) is never the request's own, nor listable.
  if (origin !== null && origin !== url.origin && !listed) {
    return refuse(`from the origin ${JSON.stringify(clip(origin))}`);
  }
  // same-site (another subdomain) and cross-site, and any value not yet defined, need a listed
  // origin: a sibling subdomain is not always the same party.
  if (site !== null && !OWN_SITE.has(site) && !listed) {
    return refuse(`that the browser marks ${JSON.stringify(clip(site))} (Sec-Fetch-Site)`);
  }
  return undefined;
}

function refuse(what: string): Response {
  return errorResponse(
    403,
    'CROSS_SITE_REQUEST',
    `This proxy serves its own origin's pages only, not a request ${what}: list the page's origin ` +
      'in allowedOrigins to serve it.',
  );
}
