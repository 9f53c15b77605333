// The negative checks, enumerated from the operations table like the others: what a target
// answers a request without credentials (401) and a request with a parameter its rule refuses
// (400, the vendor's error body naming the parameter and what it allows), path parameters and
// malformed dates included, and that the client refuses such a parameter before sending anything. Every response is validated against the
// spec's schema for its status, so a 422 or an undocumented body fails here; and every error body
// must be the vendor's (`error`, `type`, `requestId`) and reach the user whole: the client's error
// carries the same `error` and `type` (read by core's one reader of error bodies), so a layer
// that drops or rewrites them (a proxy, a client) fails here, naming what was lost.
import assert from 'node:assert/strict';
import { AuthenticationError } from '@ofauth-mass-messages/client';
import { readErrorBody } from '@ofauth-mass-messages/core';
import type { Operation, ParamRule } from '@ofauth-mass-messages/spec';
import type { CheckContext, CheckOutcome } from './checks.js';
import { runChecked } from './checks.js';
import { call } from './driver.js';
import { ContractViolations } from './expect-conforms.js';
import { type InvalidValue, invalidValues } from './invalid-values.js';
import type { RecordedResponse } from './recording-fetch.js';
import { type ContractSpec, contractSpec, pathValues } from './spec.js';

/** Changes each request on its way from the client to the recorder (and the target). */
export type Tamper = (request: Request) => Request;

/** A context whose client's requests are tampered with: headers removed, a query value added. */
export type TamperedContext = (tamper: Tamper) => CheckContext;

export interface ErrorCheck {
  name: string;
  operation: Operation;
  /**
   * `credentials`: skipped for a target that adds the credentials itself (the proxy).
   * `parameter`: a value sent anyway is answered 400. `client`: a value only the client can
   * refuse (an empty or dot path segment names another path on the wire); nothing is sent.
   */
  kind: 'credentials' | 'parameter' | 'client';
  /** Every error body is held to the vendor's shape on its way to the user: no target opts out. */
  run(context: TamperedContext): Promise<CheckOutcome>;
}

/**
 * The vendor's error body (its current revision: `error` for people, `type` for code, a
 * `requestId`) reached the user whole: the client's error holds the same `error` and `type`.
 */
function expectVendorError(response: RecordedResponse | undefined, error: Error): void {
  const where = `${response?.status} for ${response?.request}`;
  const body = (response?.body ?? {}) as Record<string, unknown>;
  const shown = JSON.stringify(response?.body);
  assert.ok(
    typeof body.error === 'string' && body.error !== '',
    `the error body (${where}) has no "error" message, the vendor's field for people: ${shown}`,
  );
  assert.ok(
    typeof body.type === 'string' && body.type !== '',
    `the error body (${where}) has no "type", the vendor's field for code: ${shown}`,
  );
  assert.match(
    String(body.requestId),
    /^req_\w+$/,
    `the error body (${where}) has no "requestId" (req_…): ${shown}`,
  );
  // What the user holds: the client's error, its body read as every package reads one.
  const reached = readErrorBody((error as Error & { body?: unknown }).body);
  assert.equal(
    reached.message,
    body.error,
    `the "error" message was lost on the way to the user (${error.name}: ${error.message})`,
  );
  assert.equal(
    reached.type,
    body.type,
    `the "type" was lost on the way to the user (${error.name}: ${error.message})`,
  );
  // And what the client makes of it: its error's own type and message, which users branch on
  // and read (the client keeps the first 200 characters of the message).
  assert.equal(
    (error as Error & { type?: unknown }).type,
    body.type,
    `the client's error has another "type" than the body (${error.name}: ${error.message})`,
  );
  assert.ok(
    error.message.includes(String(body.error).slice(0, 200)),
    `the client's message does not carry the body's "error" (${error.name}: ${error.message})`,
  );
}

const CREDENTIAL_HEADERS = ['apiKey', 'x-connection-id'] as const;

function withoutHeader(header: string): Tamper {
  return (request) => {
    const headers = new Headers(request.headers);
    headers.delete(header);
    return new Request(request, { headers });
  };
}

function withQuery(name: string, text: string): Tamper {
  return (request) => {
    const url = new URL(request.url);
    url.searchParams.set(name, text);
    return new Request(url, request);
  };
}

/** The segment of path parameter `name` replaced by `text` (percent-encoded, as a client would). */
function withPathSegment(operation: Operation, name: string, text: string): Tamper {
  const index = operation.path.split('/').indexOf(`{${name}}`);
  return (request) => {
    const url = new URL(request.url);
    const segments = url.pathname.split('/');
    // Counted from the end: a base path (`/api`) before the operation's path shifts the start.
    segments[segments.length - (operation.path.split('/').length - index)] =
      encodeURIComponent(text);
    url.pathname = segments.join('/');
    return new Request(url, request);
  };
}

/** The error a rejected promise gave; fails when it resolved. */
async function rejection(promise: Promise<unknown>, what: string): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(outcome instanceof Error, `${what}: expected an error, the call succeeded`);
  // A response that breaks the spec is the finding, not the error the check expects.
  if (outcome instanceof ContractViolations) throw outcome;
  return outcome;
}

function outcomeOf(operation: Operation, context: CheckContext): CheckOutcome {
  return {
    operationId: operation.operationId,
    requests: context.recorder.responses.map((r) => r.request),
    statuses: context.recorder.responses.map((r) => r.status),
  };
}

function errorChecksOf(operation: Operation, spec: ContractSpec): ErrorCheck[] {
  const { operationId } = operation;
  /** Path parameters every call of the operation needs: a value each rule accepts. */
  const required = pathValues(operation);
  const send = (context: CheckContext, params: Record<string, unknown> = {}) =>
    call(context.client, operation, { ...required, ...params });

  const checks: ErrorCheck[] = CREDENTIAL_HEADERS.map((header) => ({
    name: `${operationId}: without the ${header} header, 401`,
    operation,
    kind: 'credentials',
    run: async (tampered) => {
      const context = tampered(withoutHeader(header));
      // runChecked validates the 401 body against the spec's 401 response.
      const error = await rejection(
        runChecked(context.recorder, () => send(context), { spec }),
        `${operationId} without ${header}`,
      );
      // An AuthenticationError, or its ReconnectRequiredError: the vendor answers a missing
      // connection with SESSION_NOT_PROVIDED ("connection not found or missing session data").
      assert.ok(error instanceof AuthenticationError, `the client's error: ${error}`);
      assert.deepEqual(
        context.recorder.responses.map((r) => r.status),
        [401],
        'one request, answered 401',
      );
      expectVendorError(context.recorder.responses[0], error);
      return outcomeOf(operation, context);
    },
  }));

  /** The client refuses the typed value first, naming the parameter, and sends nothing. */
  const refusedByClient = async (
    tampered: TamperedContext,
    rule: ParamRule,
    value: InvalidValue,
  ) => {
    const plain = tampered((request) => request);
    const refused = await rejection(
      send(plain, { [rule.name]: value.typed }),
      `${operationId} ${rule.name}=${JSON.stringify(value.text)} through the client`,
    );
    assert.equal(refused.name, 'InvalidArgumentError', refused.message);
    assert.equal((refused as Error & { parameter?: string }).parameter, rule.name);
    assert.equal(plain.recorder.sent, 0, 'the client sent nothing');
    return plain;
  };

  for (const rule of [...operation.pathParams, ...operation.query]) {
    for (const value of invalidValues(rule)) {
      const shown = `${rule.name}=${value.text === '' ? '""' : value.text}`;
      if (!value.onWire) {
        checks.push({
          name: `${operationId}: ${shown} is refused by the client before sending (another path on the wire)`,
          operation,
          kind: 'client',
          run: async (tampered) => {
            return outcomeOf(operation, await refusedByClient(tampered, rule, value));
          },
        });
        continue;
      }
      checks.push({
        name: `${operationId}: ${shown} is refused (client before sending; target 400)`,
        operation,
        kind: 'parameter',
        run: async (tampered) => {
          await refusedByClient(tampered, rule, value);

          // Sent anyway (added on the wire): the target answers the spec's 400, naming it.
          const context = tampered(
            rule.in === 'path'
              ? withPathSegment(operation, rule.name, value.text)
              : withQuery(rule.name, value.text),
          );
          const error = await rejection(
            runChecked(context.recorder, () => send(context), { spec }),
            `${operationId} ${shown} sent`,
          );
          const [response, ...more] = context.recorder.responses;
          assert.equal(more.length, 0, 'one request');
          assert.equal(response?.status, 400, `status of ${response?.request}`);
          assert.equal(error.name, 'BadRequestError', `the client's error: ${error.message}`);
          expectVendorError(response, error);
          // The message, whichever revision of the vendor's body carries it (core's reader).
          const message = String(readErrorBody(response?.body).message);
          assert.ok(message.includes(rule.name), `the message names ${rule.name}: "${message}"`);
          assert.ok(
            message.includes(rule.allowed),
            `the message says what ${rule.name} allows (${rule.allowed}): "${message}"`,
          );
          return outcomeOf(operation, context);
        },
      });
    }
  }
  return checks;
}

/** Every negative check of every operation in the table (the bundle's by default). */
export function errorChecks(spec: ContractSpec = contractSpec()): ErrorCheck[] {
  return spec.operations.flatMap((operation) => errorChecksOf(operation, spec));
}
