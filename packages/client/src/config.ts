// The client's options, checked once and turned into what every request needs. Shared by
// createClient and createRawClient, so both send alike.
import { redactor } from '@ofauth-mass-messages/core';
import { check, invalid, OPTION_RULES } from './arguments.js';
import { defaultBaseUrl } from './generated/operations.js';
import { debugLog } from './log.js';
import { rateLimiter } from './rate-limit.js';
import type { TransportConfig } from './transport.js';
import type { ClientOptions } from './types.js';

export interface Config {
  /** Absolute, without a trailing slash. */
  baseUrl: string;
  transport: TransportConfig;
}

/** A page with a DOM: where anyone who opens it can read what it holds. Workers and servers are not. */
const inBrowser = () => typeof window !== 'undefined' && typeof document !== 'undefined';

export function resolveConfig(options?: ClientOptions): Config {
  // Object(): no options, null or a non-object read as no options (so: "apiKey must be …").
  const {
    apiKey,
    connectionId,
    baseUrl,
    fetch,
    timeoutMs = 60_000,
    maxRetries = 2,
    // The largest page (100 purchased items, the spec's largest example item 4.3 kB) is about
    // 0.5 MB: 8 MiB leaves room for items with many media, and bounds what one call can hold.
    maxResponseBytes = 8 * 1024 * 1024,
    logger = console,
    logLevel,
    logBodies,
    dangerouslyAllowBrowser,
    rateLimit,
  }: ClientOptions = Object(options);
  check(OPTION_RULES, { timeoutMs, maxRetries, maxResponseBytes, logLevel });
  if (fetch !== undefined && typeof fetch !== 'function') invalid('fetch', 'a function');
  // Through a proxy (a baseUrl of its own, no credentials) the client sends no auth headers:
  // the proxy adds them on the server. Anything else needs both.
  let headers = {};
  if (apiKey !== undefined || connectionId !== undefined || baseUrl === undefined) {
    for (const [name, value] of [
      ['apiKey', apiKey],
      ['connectionId', connectionId],
    ] as const) {
      // No value in the message: one of them is the API key.
      if (typeof value !== 'string' || !value) {
        invalid(name, "a non-empty string (or left out, with a proxy's baseUrl)");
      }
      // What a header value cannot hold: refused here, by name, rather than by fetch (a retried
      // connection error whose cause quotes the value) or silently trimmed (a 401 for a key that
      // looks right).
      const fault = /[\u0100-\uffff]/.test(value)
        ? 'Latin-1 only (nothing above U+00FF)'
        : // Anything else but tab, printable ASCII and the upper half of Latin-1: a control character.
          /[^\t -~\x80-\xff]/.test(value)
          ? 'free of control characters (CR, LF, NUL…)'
          : /^\s|\s$/.test(value) && 'free of leading and trailing whitespace';
      if (fault) invalid(name, `${fault}, to be sent as a header`);
    }
    if (inBrowser() && !dangerouslyAllowBrowser) {
      invalid(
        'apiKey',
        'left out in a browser, where anyone can read it: call a server-side proxy (@ofauth-mass-messages/proxy) at a same-origin baseUrl, or set dangerouslyAllowBrowser',
      );
    }
    headers = { apiKey, 'x-connection-id': connectionId };
  }
  let base = '';
  try {
    // A relative baseUrl (a same-origin proxy, '/api') is resolved against the page's address.
    base = new URL(
      typeof baseUrl === 'string' ? baseUrl : defaultBaseUrl,
      (globalThis as { location?: { href: string } }).location?.href,
    ).href;
  } catch {
    // Falls through with base ''.
  }
  if (!base || (baseUrl !== undefined && typeof baseUrl !== 'string')) {
    invalid('baseUrl', 'an absolute URL (or, in a browser, a path: /api)', baseUrl);
  }
  return {
    baseUrl: base.replace(/\/$/, ''),
    transport: {
      timeoutMs,
      maxRetries,
      maxResponseBytes,
      fetch,
      headers,
      redact: redactor(apiKey),
      debug: debugLog(logger, logLevel),
      logBodies: !!logBodies,
      limiter: rateLimiter(rateLimit),
    },
  };
}
