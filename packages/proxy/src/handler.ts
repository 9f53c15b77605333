// createProxyHandler: the Fetch-API proxy. A browser calls it instead of the API; it serves only
// the spec's operations (method, path and query checked against the operations table), sends
// the server's credentials upstream and passes the answer back with only the headers a browser
// needs. Runs anywhere with fetch (Node, Workers, Deno, Bun): no Node imports here.
import { createRouter, fillPath } from '@ofauth-mass-messages/core';
import type { Operation } from '@ofauth-mass-messages/spec/operations';
import { authorizeRequest } from './authorize.js';
import { BodyTooLargeError, readCapped } from './body.js';
import { crossSiteRefusal } from './cross-site.js';
import { clip, errorResponse } from './errors.js';
import {
  downstreamHeaders,
  passedResponseHeaders,
  REQUEST_ID_HEADER,
  upstreamHeaders,
} from './headers.js';
import { hostRefusal } from './hosts.js';
import { describeFailure } from './log.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { checkedQuery } from './query.js';
import { type ConnectionLimits, createConnectionLimits } from './rate-limit.js';
import { redactBytes } from './redact.js';
import type { ProxyHandler, ProxyLogFields, ProxyOptions } from './types.js';

/** Statuses whose response has no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Creates the proxy. Throws ProxyConfigError at once for a missing or unusable option (the
 * message names the option and never holds a credential).
 */
export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const config = resolveOptions(options);
  // Core's router, the mock's too: a template, a trailing slash or an encoded segment means the
  // same thing to both.
  const routes = createRouter(config.operations, config.basePath);
  const passed = new Map<Operation, Set<string>>(
    config.operations.map((op) => [op, passedResponseHeaders(op)]),
  );
  const limits = config.rateLimit && createConnectionLimits(config.rateLimit);

  async function serve(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const refusal =
      hostRefusal(request, url, config.allowedHosts) ??
      crossSiteRefusal(request, url, config.allowedOrigins);
    if (refusal) return refusal;
    const match = routes.match(request.method, url.pathname);
    if (match.kind === 'unknown') {
      return errorResponse(
        404,
        'NOT_FOUND',
        `No operation at ${clip(request.method)} ${clip(url.pathname)}: this proxy serves ${routes.summary}.`,
      );
    }
    if (match.kind === 'method') {
      const allow = match.allow.join(', ');
      return errorResponse(
        405,
        'METHOD_NOT_ALLOWED',
        `${clip(request.method)} is not allowed on ${url.pathname}: use ${allow}.`,
        { headers: { allow } },
      );
    }
    if (match.kind === 'invalid') {
      const { message, parameter, allowed } = match.problem;
      return errorResponse(400, 'VALIDATION_ERROR', message, { details: { parameter, allowed } });
    }
    const { operation, pathValues } = match;
    const query = checkedQuery(operation, url.searchParams);
    if (query.problem) {
      const { message, parameter, allowed } = query.problem;
      return errorResponse(400, 'VALIDATION_ERROR', message, { details: { parameter, allowed } });
    }
    // Only a request that would be forwarded asks the app: bad input never reaches its hook.
    const authorized = await authorizeRequest(config, request, operation, pathValues);
    if ('response' in authorized) return authorized.response;
    // The browser left while the app decided: nobody would read the answer, so spend nothing.
    if (request.signal?.aborted) return clientClosed();
    // Last, so that only a request that would reach the API spends a token.
    const limited = limits?.admit(authorized.connectionId);
    if (limited) {
      config.logger?.debug?.(`GET ${operation.path} 429 (the proxy's rate limit)`, {
        method: 'GET',
        path: operation.path,
        operationId: operation.operationId,
        status: 429,
        requestId: limited.headers.get(REQUEST_ID_HEADER) ?? '',
      });
      return limited;
    }
    // Every name is known, each given once, each value allowed: the values go on, rebuilt (the
    // path's too, each segment from its checked value: `/0012/` goes on as `/12/`).
    const path = fillPath(operation.path, operation.pathParams, pathValues);
    const target = `${config.upstream}${path}${query.search}`;
    return forward(
      config,
      request,
      operation,
      target,
      authorized.connectionId,
      passed.get(operation) ?? new Set(),
      limits,
    );
  }

  // The host framework never sees a throw: a bug here is a 500 with the Error body, logged.
  return async function proxy(request: Request): Promise<Response> {
    try {
      return await serve(request);
    } catch (error) {
      const path = clip(new URL(request.url).pathname);
      config.logger?.error?.(`${request.method} ${path}: the proxy failed`, {
        method: request.method,
        path,
        status: 500,
        error: describeFailure(error, config.redact),
      });
      return errorResponse(500, 'INTERNAL_ERROR', 'The proxy failed; see the server log.');
    }
  };
}

async function forward(
  config: ResolvedOptions,
  request: Request,
  operation: Operation,
  target: string,
  connectionId: string,
  passed: ReadonlySet<string>,
  limits: ConnectionLimits | undefined,
): Promise<Response> {
  const started = Date.now();
  const fields: ProxyLogFields = {
    method: 'GET',
    path: operation.path,
    operationId: operation.operationId,
  };
  // One deadline for the answer and its body; the browser leaving cancels the upstream call.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  const onClientAbort = () => controller.abort();
  request.signal?.addEventListener('abort', onClientAbort, { once: true });

  try {
    const upstream = await config.fetch(target, {
      method: 'GET',
      headers: upstreamHeaders(
        request.headers,
        { apiKey: config.apiKey, connectionId },
        config.forwardHeaders,
      ),
      signal: controller.signal,
      // A redirect is not followed: fetch would resend the `apiKey` header to wherever it points.
      redirect: 'manual',
    });
    if (upstream.type === 'opaqueredirect' || (upstream.status >= 300 && upstream.status < 400)) {
      await upstream.body?.cancel();
      config.logger?.warn?.(`${fields.method} ${fields.path}: the API answered a redirect`, {
        ...fields,
        status: upstream.status,
        durationMs: Date.now() - started,
      });
      return errorResponse(
        502,
        'UPSTREAM_REDIRECT',
        'The API answered with a redirect, which the proxy does not follow.',
      );
    }
    // Read whole, up to the cap: a body that fails half way then becomes a clean 502/504
    // instead of a torn response, and one too large a 502 instead of the proxy's memory.
    const raw = NULL_BODY_STATUSES.has(upstream.status)
      ? null
      : await readCapped(upstream, config.maxBodyBytes);
    // An error body may echo the key the proxy sent ("Invalid API key …"): it never reaches the
    // browser. Success bodies are the account's data and pass as sent.
    const body = raw && !upstream.ok ? redactBytes(raw, config.redact) : raw;
    const headers = downstreamHeaders(upstream.headers, passed, config.redact);
    // With the proxy's own bucket, the browser is told that bucket's state: it is the limit the
    // browser meets, and it never claims more than the API reported.
    limits?.settle(connectionId, upstream.headers, headers);
    const requestId = headers.get(REQUEST_ID_HEADER);
    config.logger?.debug?.(`${fields.method} ${fields.path} ${upstream.status}`, {
      ...fields,
      status: upstream.status,
      durationMs: Date.now() - started,
      ...(requestId ? { requestId } : {}),
    });
    return new Response(body, { status: upstream.status, headers });
  } catch (error) {
    const durationMs = Date.now() - started;
    if (request.signal?.aborted && !timedOut) {
      return clientClosed();
    }
    if (error instanceof BodyTooLargeError) {
      const cap = `maxBodyBytes (${config.maxBodyBytes} bytes)`;
      config.logger?.warn?.(`${fields.method} ${fields.path}: the API's answer is over ${cap}`, {
        ...fields,
        status: 502,
        durationMs,
      });
      return errorResponse(
        502,
        'UPSTREAM_TOO_LARGE',
        `The API's answer is larger than ${cap}; the proxy stopped reading it.`,
      );
    }
    const status = timedOut ? 504 : 502;
    config.logger?.warn?.(
      timedOut
        ? `${fields.method} ${fields.path}: the API did not answer within ${config.timeoutMs} ms`
        : `${fields.method} ${fields.path}: the API could not be reached`,
      { ...fields, status, durationMs, error: describeFailure(error, config.redact) },
    );
    return errorResponse(
      status,
      timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNREACHABLE',
      timedOut
        ? `The API did not answer within ${config.timeoutMs} ms.`
        : 'The API could not be reached.',
    );
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onClientAbort);
  }
}

/** Nobody reads this; it keeps the handler from throwing into the host framework. */
function clientClosed(): Response {
  return errorResponse(499, 'CLIENT_CLOSED_REQUEST', 'The client closed the request.');
}
