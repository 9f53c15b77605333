// Which hosts the proxy answers for. A proxy on localhost is reachable by any page the developer
// opens: a name the attacker controls, re-pointed at 127.0.0.1 (DNS rebinding), makes the
// browser treat the proxy as that page's own origin. The Host the browser sent names the page's
// site, so only listed names are served: loopback ones by default, as Vite's dev server does, and
// the app's own domains in production (`allowedHosts`).
import { clip, errorResponse } from './errors.js';

/** Loopback names only: `localhost`, any `*.localhost`, and the loopback addresses. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = [
  'localhost',
  '.localhost',
  '127.0.0.1',
  '[::1]',
];

// RFC 9110's Host: an IP literal or a reg-name, then an optional port. No user info, no path.
const HOST_SYNTAX = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::\d{0,5})?$/;

/** The host name of a Host header value (lower-case, as URL normalises it), or undefined. */
export function parseHostHeader(value: string): string | undefined {
  if (!HOST_SYNTAX.test(value)) return undefined;
  try {
    return new URL(`http://${value}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * An allowedHosts entry in the form matching uses (`App.Example.com` → `app.example.com`), or
 * undefined when it is not a host name: a leading dot means the name and all its subdomains.
 */
export function normalizeAllowedHost(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return undefined;
  const dot = entry.startsWith('.') ? '.' : '';
  const name = entry.slice(dot.length);
  // A port belongs to the server, not to the name: `localhost:3000` is a mistake worth naming.
  if (/\]:|^[^[].*:/.test(name)) return undefined;
  const hostname = name ? parseHostHeader(name) : undefined;
  return hostname === undefined ? undefined : `${dot}${hostname}`;
}

/** Whether `hostname` (normalised) is listed; `.example.org` lists example.org and subdomains. */
export function isAllowedHost(hostname: string, allowed: readonly string[]): boolean {
  // `localhost.` is the same name, written fully qualified.
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return allowed.some((entry) =>
    entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry,
  );
}

/**
 * The refusal for a request whose host is not served: 400 for a Host header that names no host,
 * 403 for one not listed. Both the URL's host and the Host header are checked: a framework may
 * build the URL from its own configuration while the header says where the browser thinks it is.
 */
export function hostRefusal(
  request: Request,
  url: URL,
  allowed: readonly string[],
): Response | undefined {
  const names = [url.hostname];
  const header = request.headers.get('host');
  if (header !== null) {
    const name = parseHostHeader(header);
    if (name === undefined) return badHost(header);
    names.push(name);
  }
  const refused = names.find((name) => !isAllowedHost(name, allowed));
  if (refused === undefined) return undefined;
  return errorResponse(
    403,
    'HOST_NOT_ALLOWED',
    `This proxy does not serve the host ${JSON.stringify(clip(refused))}: list it in allowedHosts ` +
      '(by default only loopback names are served, so that another site cannot reach a local ' +
      'proxy through DNS rebinding).',
  );
}

/** 400 for a Host header that names no host (shared with the node adapter). */
export function badHost(header: string | undefined): Response {
  return errorResponse(
    400,
    'BAD_REQUEST',
    header === undefined
      ? 'The request has no Host header.'
      : `The Host header ${JSON.stringify(clip(header))} is not a host name with an optional port.`,
  );
}
