// The negative checks, enumerated from the operations table like the others: what a target
// answers a request without credentials (401) and a request with a parameter its rule refuses
// (400, the spec's Error body naming the parameter and what it allows), and that the client
// refuses such a parameter before sending anything. Every response is validated against the
// spec's schema for its status, so a 422 or an undocumented body fails here.
import assert from 'node:assert/strict';
import { AuthenticationError } from '@ofauth-mass-messages/client';
import type { OffsetPageOperation as Operation } from '@ofauth-mass-messages/spec';
import type { CheckContext, CheckOutcome } from './checks.js';
import { runChecked } from './checks.js';
import { listPage } from './driver.js';
import { ContractViolations } from './expect-conforms.js';
import { invalidValues } from './invalid-values.js';
import { type ContractSpec, contractSpec } from './spec.js';

/** Changes each request on its way from the client to the recorder (and the target). */
export type Tamper = (request: Request) => Request;

/** A context whose client's requests are tampered with: headers removed, a query value added. */
export type TamperedContext = (tamper: Tamper) => CheckContext;

export interface ErrorCheck {
  name: string;
  operation: Operation;
  /** `credentials`: skipped for a target that adds the credentials itself (the proxy). */
  kind: 'credentials' | 'parameter';
  run(context: TamperedContext): Promise<CheckOutcome>;
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
  const checks: ErrorCheck[] = CREDENTIAL_HEADERS.map((header) => ({
    name: `${operationId}: without the ${header} header, 401`,
    operation,
    kind: 'credentials',
    run: async (tampered) => {
      const context = tampered(withoutHeader(header));
      // runChecked validates the 401 body against the spec's 401 response.
      const error = await rejection(
        runChecked(context.recorder, () => listPage(context.client, operation, {}), { spec }),
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
      return outcomeOf(operation, context);
    },
  }));

  for (const rule of operation.query) {
    for (const value of invalidValues(rule)) {
      checks.push({
        name: `${operationId}: ${rule.name}=${value.text} is refused (client before sending; target 400)`,
        operation,
        kind: 'parameter',
        run: async (tampered) => {
          // The client refuses it first, naming the parameter, and sends nothing.
          const plain = tampered((request) => request);
          const refused = await rejection(
            listPage(plain.client, operation, { [rule.name]: value.typed }),
            `${operationId} ${rule.name}=${value.text} through the client`,
          );
          assert.equal(refused.name, 'InvalidArgumentError', refused.message);
          assert.equal((refused as Error & { parameter?: string }).parameter, rule.name);
          assert.equal(plain.recorder.sent, 0, 'the client sent nothing');

          // Sent anyway (added on the wire): the target answers the spec's 400, naming it.
          const context = tampered(withQuery(rule.name, value.text));
          const error = await rejection(
            runChecked(context.recorder, () => listPage(context.client, operation, {}), { spec }),
            `${operationId} ${rule.name}=${value.text} sent`,
          );
          const [response, ...more] = context.recorder.responses;
          assert.equal(more.length, 0, 'one request');
          assert.equal(response?.status, 400, `status of ${response?.request}`);
          assert.equal(error.name, 'BadRequestError', `the client's error: ${error.message}`);
          const message = String((response?.body as { message?: unknown } | undefined)?.message);
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
