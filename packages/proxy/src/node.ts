// The node:http adapter (`@ofauth-mass-messages/proxy/node`): turns the Fetch-API handler into a
// `(req, res, next?)` listener for `http.createServer`, Express, Connect or Vite's dev server.
// Kept out of the main entry so Workers and Deno builds never see a `node:` import.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { clip, errorAnswer, errorResponse } from './errors.js';
import { badHost, parseHostHeader } from './hosts.js';
import type { ProxyHandler } from './types.js';

/**
 * The methods the proxy serves on any path (the operations table holds GET operations only): the
 * `Allow` of the methods answered here, which a Fetch Request cannot carry (TRACE, CONNECT).
 */
const SERVED_METHODS: readonly string[] = ['GET'];

/** A node:http / Express / Connect request listener. */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/**
 * Wraps a Fetch-API handler for node:http. The request URL is the one the client asked for
 * (Express's `originalUrl` under `app.use('/api', …)`), so the handler's `basePath` matches the
 * same way everywhere. Request bodies are not read: the proxy serves GET operations only.
 */
export function toNodeHandler(handler: ProxyHandler): NodeHandler {
  return (req, res, next) => {
    handle(handler, req, res).catch((error: unknown) => {
      if (next) return next(error);
      if (!res.headersSent) {
        const answer = errorAnswer(500, 'INTERNAL_ERROR', 'The proxy failed.');
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(answer.body);
      } else res.destroy();
    });
  };
}

async function handle(handler: ProxyHandler, req: IncomingMessage, res: ServerResponse) {
  // The browser leaving aborts the Request's signal, which cancels the upstream call.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const response = refusal(req) ?? (await handler(toRequest(req, controller.signal)));
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res);
}

/**
 * The answer to a request no Fetch-API Request can faithfully carry, or undefined. A Host that is
 * not a host name would make `new URL` throw (a 500) or, worse, parse into another URL
 * (`Host: localhost/x`, `Host: user@localhost`): the browser gets 400 instead.
 */
export function refusal(req: IncomingMessage): Response | undefined {
  const method = req.method ?? 'GET';
  // Fetch refuses to build a Request with these (`new Request` throws): answered here.
  if (FETCH_FORBIDDEN_METHODS.has(method.toUpperCase())) {
    const allow = SERVED_METHODS.join(', ');
    return errorResponse(
      405,
      'METHOD_NOT_ALLOWED',
      `${clip(method)} is not allowed: this proxy serves ${allow} only.`,
      { headers: { allow } },
    );
  }
  const host = hostOf(req);
  if (host === undefined || parseHostHeader(host) === undefined) return badHost(host);
  const target = targetOf(req);
  // Only the origin form (`/path?query`): an absolute form would let the target pick the host
  // the handler sees, and a request-target never carries a fragment. `/\` reads as an empty
  // authority to WHATWG URL, which then throws.
  let url: URL | undefined;
  try {
    url = urlOf(req);
  } catch {
    url = undefined;
  }
  if (!url || !target.startsWith('/') || target.includes('#')) {
    return errorResponse(
      400,
      'BAD_REQUEST',
      `The request-target ${JSON.stringify(clip(target))} is not a path with an optional query.`,
    );
  }
  // WHATWG URL resolves `..`, `%2e%2e` and `./`, turns `\` into `/`, and reads `//x` as a host:
  // a guard in front of the proxy (an Express route) judged the path as sent, so the proxy
  // serves that path or nothing.
  const sent = target.split('?', 1)[0] as string;
  if (url.pathname !== sent) {
    return errorResponse(
      404,
      'NOT_FOUND',
      `The path ${JSON.stringify(clip(sent))} is not in normal form (dot segments, backslashes or ` +
        'a leading //): the proxy serves paths exactly as sent.',
    );
  }
  return undefined;
}

const FETCH_FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** The request-target the client sent: Express keeps it in `originalUrl` under a mount. */
function targetOf(req: IncomingMessage): string {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
}

/** The request's URL as WHATWG parses it (what the Fetch-API handler sees). */
function urlOf(req: IncomingMessage): URL {
  const host = hostOf(req) ?? 'localhost';
  const scheme = (req.socket as { encrypted?: boolean } | null)?.encrypted ? 'https' : 'http';
  return new URL(targetOf(req), `${scheme}://${host}`);
}

/** The Host header, or HTTP/2's `:authority`. */
function hostOf(req: IncomingMessage): string | undefined {
  const authority = req.headers[':authority'];
  return req.headers.host ?? (typeof authority === 'string' ? authority : undefined);
}

/** The Fetch-API Request of a node:http request: method, URL and headers (no body). */
export function toRequest(req: IncomingMessage, signal?: AbortSignal): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    // HTTP/2 pseudo-headers (`:path`) are not headers a Request can carry.
    if (!name.startsWith(':')) headers.append(name, raw[i + 1] as string);
  }
  return new Request(urlOf(req), {
    method: req.method ?? 'GET',
    headers,
    ...(signal ? { signal } : {}),
  });
}
