// The client's options, checked once and turned into what every request needs. Shared by
// createClient and createRawClient, so both send alike.
import { check, invalid, OPTION_RULES } from './arguments.js';
import { defaultBaseUrl } from './generated/operations.js';
import { debugLog } from './log.js';
import { redactor } from './redact.js';
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
    logger = console,
    logLevel,
    logBodies,
    dangerouslyAllowBrowser,
  }: ClientOptions = Object(options);
  check(OPTION_RULES, { timeoutMs, maxRetries, logLevel });
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
      fetch,
      headers,
      redact: redactor(apiKey),
      debug: debugLog(logger, logLevel),
      logBodies: !!logBodies,
    },
  };
}
