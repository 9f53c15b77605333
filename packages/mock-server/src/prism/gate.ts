// Prism's role in the mock server: the gate every answer to an operation passes before it is
// sent. Prism's validator judges it against the spec; an answer that breaks the spec is replaced
// by a 500 in the spec's Error shape whose `details.validation` lists each violation, so what the
// server sends always matches the spec, whatever a dataset, a generated record or an edited
// example holds.
//
// Each DISTINCT answer is validated once: the verdict is kept under a key made of everything
// Prism reads (the operation, the status, the media type, the documented headers' values and a
// SHA-256 of the body), so a page asked for again costs a hash and a lookup instead of a schema
// validation. Same inputs, same verdict: the guarantee is the one a check of every request gives.
// The kept verdicts are bounded (least recently used dropped first), so no stream of distinct
// answers grows the memory without end.
import { createHash } from 'node:crypto';
import { failure, type MockResponse } from '@ofauth-mass-messages/mocks';
import type { PrismValidator, Violation } from './validator.js';

/** Verdicts kept (each a key of about 100 bytes and, for a failed answer, its violations). */
export const MAX_VERDICTS = 10_000;

/** Errors (the answer is refused); warnings are said once per distinct answer, then dropped. */
type Verdict = readonly Violation[];

export interface Gate {
  /** `answer` as it may be sent: itself, or the 500 naming how it breaks the spec. */
  pass(answer: MockResponse): MockResponse;
  /** Answers validated so far (cache misses): for tests and the curious. */
  readonly validations: number;
}

export interface GateOptions {
  /** Verdicts kept, at most. Default MAX_VERDICTS. */
  maxVerdicts?: number;
  /** Prism's findings, one line each (`prism: Violation: response.body.list.0.id …`). */
  onLog?: ((line: string) => void) | undefined;
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // As sent: Prism then says the body is not what the media type promises.
    return body;
  }
}

function describe(violation: Violation): string {
  return `${violation.location.join('.')} ${violation.message}`;
}

export function createGate(validator: PrismValidator, options: GateOptions = {}): Gate {
  const max = options.maxVerdicts ?? MAX_VERDICTS;
  const verdicts = new Map<string, Verdict>();
  let validations = 0;

  const keyOf = (operationId: string, answer: MockResponse & { body: string }) => {
    const headers = validator
      .documentedHeaders(operationId)
      .map((name) => answer.headers[name] ?? '');
    const digest = createHash('sha256').update(answer.body).digest('base64');
    return JSON.stringify([
      operationId,
      answer.status,
      answer.headers['content-type'] ?? '',
      headers,
      digest,
    ]);
  };

  const judge = (operationId: string, answer: MockResponse & { body: string }): Verdict => {
    validations++;
    const found = validator.validate(operationId, {
      status: answer.status,
      headers: answer.headers,
      body: parsed(answer.body),
    });
    for (const violation of found) options.onLog?.(`prism: Violation: ${describe(violation)}`);
    return found.filter((violation) => violation.severity === 'Error');
  };

  return {
    get validations() {
      return validations;
    },
    pass(answer) {
      const { operationId, body } = answer;
      // A preflight, an unknown route, a HEAD: no operation's body to hold to the spec.
      if (operationId === undefined || body === null) return answer;
      const withBody = { ...answer, body };
      const key = keyOf(operationId, withBody);
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = judge(operationId, withBody);
      } else {
        // Least recently used goes first: a hit moves to the end.
        verdicts.delete(key);
      }
      verdicts.set(key, verdict);
      if (verdicts.size > max) verdicts.delete(verdicts.keys().next().value as string);
      if (verdict.length === 0) return answer;
      const refused = failure(
        500,
        `The mock's answer breaks the spec (Prism): ${verdict.map(describe).join('; ')}`,
        'MOCK_SPEC_VIOLATION',
        { validation: verdict },
      );
      // The answer's CORS headers stay, so a page on another origin can read why.
      const cors = Object.entries(answer.headers).filter(
        ([name]) => name.startsWith('access-control-') || name === 'vary',
      );
      return { ...refused, headers: { ...Object.fromEntries(cors), ...refused.headers } };
    },
  };
}
