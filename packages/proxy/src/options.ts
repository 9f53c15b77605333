// Checks createProxyHandler's options once, at start-up, so a misconfigured server fails when
// it boots with a message naming the option, not on the first browser request. Messages never
// hold a credential's value: they say what is wrong with it (missing, not a string, a newline).
import {
  BUCKET_RULES,
  checkOptions,
  closest,
  isHeaderValue,
  type OptionRule,
  option,
  type Redact,
  redactor,
} from '@ofauth-mass-messages/core';
import { defaultBaseUrl, type Operation, operations } from '@ofauth-mass-messages/spec/operations';
import { ProxyConfigError } from './errors.js';
import { CREDENTIAL_HEADERS, HOP_BY_HOP_HEADERS } from './headers.js';
import { DEFAULT_ALLOWED_HOSTS, normalizeAllowedHost } from './hosts.js';
import { safeLogger } from './log.js';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './rate-limit.js';
import type { Authorize, ProxyLogger, ProxyOptions } from './types.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * The upstream body cap, after decoding. The mock's dataset pages at each operation's largest
 * `limit` are 38 kB (listMassMessages, 20 items) and 281 kB (listPurchasedMassMessages, 100):
 * 1 MiB leaves room for fuller real items and still stops a bomb.
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface ResolvedOptions {
  apiKey: string;
  /** Removes the key from what the browser and the log see: core's one redaction. */
  redact: Redact;
  authorize: Authorize;
  /** Without a trailing slash. */
  upstream: string;
  /** `''` or `/api`: starts with a slash, no trailing slash. */
  basePath: string;
  /** Normalised host names; `.example.com` for a name and its subdomains. */
  allowedHosts: readonly string[];
  /** `scheme://host[:port]`, as a browser writes Origin. */
  allowedOrigins: ReadonlySet<string>;
  forwardHeaders: readonly string[];
  timeoutMs: number;
  maxBodyBytes: number;
  fetch: typeof fetch;
  logger: ProxyLogger | undefined;
  operations: readonly Operation[];
  /** The proxy's own bucket per connection, or undefined: the API alone limits. */
  rateLimit: RateLimitConfig | undefined;
}

/** Every option createProxyHandler reads; anything else is refused (a type test keeps it whole). */
export const OPTION_NAMES = [
  'apiKey',
  'authorize',
  'upstream',
  'baseUrl',
  'basePath',
  'allowedHosts',
  'allowedOrigins',
  'forwardHeaders',
  'timeoutMs',
  'maxBodyBytes',
  'fetch',
  'logger',
  'operations',
  'rateLimit',
] as const satisfies readonly (keyof ProxyOptions)[];

/** How a single-creator app says "serve everyone who reaches this proxy" (behind its login). */
export const SINGLE_CREATOR = 'authorize: () => process.env.OFAUTH_CONNECTION_ID';

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** The key: a non-empty string a header can carry. Its value is never put in a message. */
function apiKeyOf(value: unknown): string {
  const option = 'apiKey';
  const hint = 'read it on the server, e.g. from process.env.OFAUTH_API_KEY';
  if (value === undefined || value === '') {
    throw new ProxyConfigError(option, `createProxyHandler: ${option} is required (${hint}).`);
  }
  if (typeof value !== 'string') {
    throw new ProxyConfigError(
      option,
      `createProxyHandler: ${option} must be a non-empty string, got ${kind(value)} (${hint}).`,
    );
  }
  // Headers refuse these (or send another key: fetch trims the edges), and the platform's
  // TypeError would quote the value.
  if (!isHeaderValue(value)) {
    throw new ProxyConfigError(
      option,
      `createProxyHandler: ${option} cannot be sent as a header: it has leading or trailing ` +
        'whitespace, a control character (a line break…) or a character outside Latin-1 (check ' +
        'how it was read).',
    );
  }
  return value;
}

/**
 * The hook is required: without it the proxy would read one creator's account for anyone who can
 * reach it. The message shows the one-liner that makes that choice explicit.
 */
function authorizeOf(value: unknown): Authorize {
  if (value === undefined) {
    throw new ProxyConfigError(
      'authorize',
      'createProxyHandler: authorize is required: a function that answers, per request, the ' +
        'connection id this user may read (or null to refuse). A single-creator app behind its ' +
        `own login writes \`${SINGLE_CREATOR}\`.`,
    );
  }
  if (typeof value !== 'function') {
    throw new ProxyConfigError(
      'authorize',
      `createProxyHandler: authorize must be a function (request, { operationId, path }) => ` +
        `connection id | Response | null, got ${kind(value)}; for a single creator: \`${SINGLE_CREATOR}\`.`,
    );
  }
  return value as Authorize;
}

function upstreamUrl(value: unknown, option: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ProxyConfigError(
      option,
      `createProxyHandler: ${option} must be an absolute http(s) URL without query or fragment, ` +
        `such as ${defaultBaseUrl}; got ${typeof value === 'string' ? JSON.stringify(value) : kind(value)}.`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

function basePathOf(value: unknown): string {
  if (value === undefined || value === '' || value === '/') return '';
  if (typeof value !== 'string' || !value.startsWith('/') || /[?#]/.test(value)) {
    throw new ProxyConfigError(
      'basePath',
      `createProxyHandler: basePath must be a path starting with "/", such as "/api"; got ${
        typeof value === 'string' ? JSON.stringify(value) : kind(value)
      }.`,
    );
  }
  return value.replace(/\/+$/, '');
}

function allowedHostsOf(value: unknown): readonly string[] {
  if (value === undefined) return DEFAULT_ALLOWED_HOSTS;
  const entries: unknown[] = Array.isArray(value) ? value : [];
  const bad = Array.isArray(value)
    ? entries.filter((entry) => normalizeAllowedHost(entry) === undefined)
    : [value];
  if (bad.length > 0 || entries.length === 0) {
    throw new ProxyConfigError(
      'allowedHosts',
      'createProxyHandler: allowedHosts must be a non-empty array of host names without scheme, ' +
        'port or path, such as ["app.example.com", ".example.org"]; got ' +
        `${bad.map((entry) => (typeof entry === 'string' ? JSON.stringify(entry) : kind(entry))).join(', ') || 'an empty array'}.`,
    );
  }
  return entries.map((entry) => normalizeAllowedHost(entry) as string);
}

/** An origin as browsers send it (`http://localhost:5173`), or undefined. */
function originOf(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return undefined;
  try {
    const url = new URL(entry);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username;
    return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function allowedOriginsOf(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set();
  const entries: unknown[] = Array.isArray(value) ? value : [value];
  const bad = Array.isArray(value)
    ? entries.filter((entry) => originOf(entry) === undefined)
    : entries;
  if (bad.length > 0) {
    throw new ProxyConfigError(
      'allowedOrigins',
      'createProxyHandler: allowedOrigins must be an array of http(s) origins without path, such ' +
        `as ["https://admin.example.com"]; got ${bad
          .map((entry) => (typeof entry === 'string' ? JSON.stringify(entry) : kind(entry)))
          .join(', ')}.`,
    );
  }
  return new Set(entries.map((entry) => originOf(entry) as string));
}

function forwardHeadersOf(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string' || name === '')) {
    throw new ProxyConfigError(
      'forwardHeaders',
      `createProxyHandler: forwardHeaders must be an array of header names, such as ["prefer"]; got ${kind(value)}.`,
    );
  }
  const names = value.map((name: string) => name.toLowerCase());
  const refused = names.filter(
    (name) => CREDENTIAL_HEADERS.includes(name) || HOP_BY_HOP_HEADERS.includes(name),
  );
  if (refused.length > 0) {
    throw new ProxyConfigError(
      'forwardHeaders',
      `createProxyHandler: forwardHeaders may not pass ${refused.join(', ')} from the browser: ` +
        'credentials come from the server configuration, and hop-by-hop headers end at the proxy.',
    );
  }
  return names;
}

/** What `rateLimit`'s object may hold: core's bucket rules, and how many buckets to keep. */
const RATE_LIMIT_RULES: readonly OptionRule[] = [
  ...BUCKET_RULES,
  option.integer('maxConnections', 1),
];

/** `true`: the vendor's numbers; an object: those, with what it gives; `false`/undefined: off. */
function rateLimitOf(value: unknown): RateLimitConfig | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return { ...DEFAULT_RATE_LIMIT };
  const shape = `{ ${RATE_LIMIT_RULES.map((rule) => `${rule.name}?`).join(', ')} }`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProxyConfigError(
      'rateLimit',
      `createProxyHandler: rateLimit must be true, false or ${shape} (true: the vendor's ` +
        `${DEFAULT_RATE_LIMIT.capacity} of burst, ${DEFAULT_RATE_LIMIT.refillPerMinute} a minute), got ${kind(value)}.`,
    );
  }
  const problem = checkOptions(RATE_LIMIT_RULES, value, 'rateLimit.');
  if (problem) {
    throw new ProxyConfigError('rateLimit', `createProxyHandler: ${problem.message}.`);
  }
  const given = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_RATE_LIMIT, ...given };
}

/**
 * A misspelt option silently ignored leaves a default its author meant to change (an origin
 * not allowed, a cap not raised): every name the proxy does not read is refused, by name.
 */
function refuseUnknown(options: object): void {
  const known: readonly string[] = OPTION_NAMES;
  const unknown = Object.keys(options).filter((name) => !known.includes(name));
  const [first] = unknown;
  if (first === undefined) return;
  const near = unknown.length === 1 ? closest(first, known) : undefined;
  const hint =
    first.toLowerCase() === 'connectionid'
      ? 'connectionId is replaced by authorize, which answers the connection id per request; ' +
        `for a single creator: \`${SINGLE_CREATOR}\``
      : near && `did you mean ${near}?`;
  throw new ProxyConfigError(
    first,
    `createProxyHandler: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` +
      `${hint ? ` (${hint})` : ''}; known: ${known.join(', ')}.`,
  );
}

export function resolveOptions(options: ProxyOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ProxyConfigError(
      'options',
      'createProxyHandler: pass an options object with apiKey and authorize.',
    );
  }
  refuseUnknown(options);
  if (options.upstream !== undefined && options.baseUrl !== undefined) {
    throw new ProxyConfigError(
      'upstream',
      'createProxyHandler: give upstream or baseUrl (the same option), not both.',
    );
  }
  const upstreamOption = options.baseUrl !== undefined ? 'baseUrl' : 'upstream';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new ProxyConfigError(
      'timeoutMs',
      `createProxyHandler: timeoutMs must be a positive integer (milliseconds); got ${String(timeoutMs)}.`,
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new ProxyConfigError(
      'maxBodyBytes',
      `createProxyHandler: maxBodyBytes must be a positive integer (bytes, after decoding); got ${
        typeof maxBodyBytes === 'string' ? JSON.stringify(maxBodyBytes) : String(maxBodyBytes)
      }.`,
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new ProxyConfigError(
      'fetch',
      'createProxyHandler: no fetch: pass one as the fetch option (Node 20.19+ has it built in).',
    );
  }
  const table = options.operations ?? operations;
  if (!Array.isArray(table) || table.length === 0) {
    throw new ProxyConfigError(
      'operations',
      'createProxyHandler: operations must be a non-empty operations table.',
    );
  }
  const apiKey = apiKeyOf(options.apiKey);
  return {
    apiKey,
    redact: redactor(apiKey),
    authorize: authorizeOf(options.authorize),
    upstream: upstreamUrl(options.upstream ?? options.baseUrl ?? defaultBaseUrl, upstreamOption),
    basePath: basePathOf(options.basePath),
    allowedHosts: allowedHostsOf(options.allowedHosts),
    allowedOrigins: allowedOriginsOf(options.allowedOrigins),
    forwardHeaders: forwardHeadersOf(options.forwardHeaders),
    timeoutMs,
    maxBodyBytes,
    // Called unbound: Workers throw "Illegal invocation" on a detached fetch.
    fetch: (input, init) => fetchImpl(input, init),
    logger: safeLogger(options.logger),
    operations: table,
    rateLimit: rateLimitOf(options.rateLimit),
  };
}
