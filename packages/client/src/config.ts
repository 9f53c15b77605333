// The client's options, checked once and turned into what every request needs. Shared by
// createClient and createRawClient, so both send alike.
import { check, invalid, OPTION_RULES } from './arguments.js';
import { InvalidArgumentError } from './errors.js';
import { defaultBaseUrl } from './generated/operations.js';
import { loggerAt } from './log.js';
import { redactor } from './redact.js';
import type { TransportConfig } from './transport.js';
import type { ClientOptions } from './types.js';

export interface Config {
  /** Absolute, without a trailing slash. */
  baseUrl: string;
  transport: TransportConfig;
  timeoutMs: number;
  maxRetries: number;
}

/** A page with a DOM: where anyone who opens it can read what it holds. Workers and servers are not. */
const inBrowser = () => typeof window !== 'undefined' && typeof document !== 'undefined';

const NON_EMPTY = 'a non-empty string';

export function resolveConfig(options: ClientOptions = {}): Config {
  if (Object(options) !== options) invalid('', 'options', 'an object', options);
  const {
    apiKey,
    connectionId,
    baseUrl,
    fetch,
    timeoutMs = 60_000,
    maxRetries = 2,
    logger = console,
    logLevel,
    logBodies = false,
    dangerouslyAllowBrowser,
  } = options;
  check('', OPTION_RULES, { timeoutMs, maxRetries, logLevel, logBodies });
  if (fetch !== undefined && typeof fetch !== 'function') invalid('', 'fetch', 'a function');
  // No value in these messages: one of them is the API key.
  if (apiKey !== undefined && (typeof apiKey !== 'string' || !apiKey)) {
    invalid('', 'apiKey', NON_EMPTY);
  }
  if (connectionId !== undefined && (typeof connectionId !== 'string' || !connectionId)) {
    invalid('', 'connectionId', NON_EMPTY);
  }
  // The auth headers: none through a proxy (it adds its own).
  let headers = {};
  if (apiKey === undefined) {
    // Without a key the client can only call a proxy that adds it, at a baseUrl of its own.
    if (baseUrl === undefined) {
      invalid(
        '',
        'apiKey',
        `${NON_EMPTY} to call the OFAuth API (or set baseUrl to a proxy that adds it)`,
      );
    }
    if (connectionId !== undefined) {
      invalid('', 'connectionId', 'left out without apiKey (the proxy sends its own)');
    }
  } else {
    if (connectionId === undefined) invalid('', 'connectionId', `${NON_EMPTY} (sent with apiKey)`);
    if (inBrowser() && !dangerouslyAllowBrowser) {
      throw new InvalidArgumentError(
        'apiKey must stay on a server: in a browser anyone who opens the page can read it. ' +
          'Serve the API through a server-side proxy (@ofauth-mass-messages/proxy) and create ' +
          "the client with its same-origin baseUrl and no key: createClient({ baseUrl: '/api' }). " +
          'For a key that reads nothing of value (a mock’s), pass dangerouslyAllowBrowser: true.',
        'apiKey',
        'left out in a browser',
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
    invalid('', 'baseUrl', 'an absolute URL (or a path such as /api in a browser)', baseUrl);
  }
  return {
    baseUrl: base.replace(/\/$/, ''),
    timeoutMs,
    maxRetries,
    transport: {
      fetch,
      headers,
      redact: redactor(apiKey),
      debug: loggerAt(logger, logLevel, 'debug'),
      logBodies,
    },
  };
}
