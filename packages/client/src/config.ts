// The client's options, checked once and turned into what every request needs. Shared by
// createClient and createRawClient, so both send alike.
import { redactor } from '@ofauth-mass-messages/core';
import { BASE_URL, CLIENT_RULES, checkOpts, invalid } from './arguments.js';
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

/** What a missing credential should have been. */
const CREDENTIAL = "a non-empty string (or left out, with a proxy's baseUrl)";

export function resolveConfig(options?: ClientOptions): Config {
  // No options, null or a non-object read as no options (so: "apiKey must be …"), never quoted:
  // it may be the key itself.
  const given = (Object(options) === options ? options : {}) as ClientOptions;
  checkOpts(CLIENT_RULES, given);
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
  } = given;
  // Through a proxy (a baseUrl of its own, no credentials) the client sends no auth headers:
  // the proxy adds them on the server. Anything else needs both (each, when given, a header
  // value: checked above, never quoted).
  let headers = {};
  if (apiKey !== undefined || connectionId !== undefined || baseUrl === undefined) {
    if (apiKey === undefined) invalid('apiKey', CREDENTIAL);
    if (connectionId === undefined) invalid('connectionId', CREDENTIAL);
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
      baseUrl ?? defaultBaseUrl,
      (globalThis as { location?: { href: string } }).location?.href,
    ).href;
  } catch {
    invalid('baseUrl', BASE_URL, baseUrl);
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
