// Prism's role in the mock server: the gate every answer to an operation passes before it is
// sent. Prism's validator judges it against the spec; an answer that breaks the spec is replaced
// by a 500 in the spec's Error shape whose `details.validation` lists each violation, so what the
// server sends always matches the spec, whatever a dataset, a generated record or an edited
// example holds.
//
// Each DISTINCT answer is validated once: the verdict is kept beside the body's exact text and
// everything else Prism reads (the operation, the status, the media type, the values of the
// headers the operation documents). An answer seen before is found by a cheap key (those, the
// body's length and a few of its characters) and recognised by comparing its whole text, so a
// page asked for again costs a lookup and one comparison instead of a schema validation (or a
// hash of the body, which costs more than the comparison). Same inputs, same verdict: the
// guarantee is the one a check of every request gives. What is kept is bounded (least recently
// used dropped first), so no stream of distinct answers grows the memory without end; a dropped
// answer is validated again when it comes back.
import { failure, type MockResponse } from '@ofauth-mass-messages/mocks';
import type { PrismValidator, Violation } from './validator.js';

/** Answers whose verdicts are kept, at most. */
export const MAX_KEPT_ANSWERS = 10_000;
/**
 * Their text, at most, in characters (16 MB at worst): about 400 dataset pages of the default
 * size, or fewer larger ones.
 */
export const MAX_KEPT_CHARS = 8_000_000;
/** Characters of a body sampled into the lookup key, spread over its length. */
const SAMPLES = 32;

/** The errors found (the answer is refused when there is one); warnings are only logged. */
type Verdict = readonly Violation[];

interface Kept {
  key: string;
  body: string;
  verdict: Verdict;
}

export interface Gate {
  /** `answer` as it may be sent: itself, or the 500 naming how it breaks the spec. */
  pass(answer: MockResponse): MockResponse;
  /** Answers validated so far (the others were known): for tests and the curious. */
  readonly validations: number;
}

export interface GateOptions {
  /** Answers kept, at most. Default MAX_KEPT_ANSWERS. */
  maxAnswers?: number;
  /** Their text, at most, in characters. Default MAX_KEPT_CHARS. */
  maxChars?: number;
  /** Prism's findings, one line each (`prism: Violation: response.body.list.0.id …`). */
  onLog?: ((line: string) => void) | undefined;
}

/** A few characters spread over `text`: with its length, enough to tell most bodies apart. */
function sample(text: string): string {
  const step = text.length / SAMPLES;
  let picked = '';
  for (let i = 0; i < SAMPLES && i < text.length; i++) picked += text[Math.floor(i * step)];
  return picked;
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
  const maxAnswers = options.maxAnswers ?? MAX_KEPT_ANSWERS;
  const maxChars = options.maxChars ?? MAX_KEPT_CHARS;
  /** Lookup key → the kept answers under it (the same key, other texts). */
  const buckets = new Map<string, Kept[]>();
  /** Every kept answer, least recently used first. */
  const order = new Set<Kept>();
  let keptChars = 0;
  let validations = 0;

  const judge = (operationId: string, answer: MockResponse, body: string): Verdict => {
    validations++;
    const found = validator.validate(operationId, {
      status: answer.status,
      headers: answer.headers,
      body: parsed(body),
    });
    for (const violation of found) options.onLog?.(`prism: Violation: ${describe(violation)}`);
    return found.filter((violation) => violation.severity === 'Error');
  };

  const forget = (kept: Kept) => {
    order.delete(kept);
    keptChars -= kept.body.length;
    const bucket = buckets.get(kept.key) ?? [];
    bucket.splice(bucket.indexOf(kept), 1);
    if (bucket.length === 0) buckets.delete(kept.key);
  };

  /** The verdict on `answer`, kept from before or validated now (and then kept). */
  const verdictOn = (operationId: string, answer: MockResponse, body: string): Verdict => {
    const headers = validator.documentedHeaders(operationId).map((name) => answer.headers[name]);
    const key = JSON.stringify([
      operationId,
      answer.status,
      answer.headers['content-type'],
      headers,
      body.length,
      sample(body),
    ]);
    const bucket = buckets.get(key);
    const known = bucket?.find((kept) => kept.body === body);
    if (known) {
      // The most recently used goes last.
      order.delete(known);
      order.add(known);
      return known.verdict;
    }
    const kept: Kept = { key, body, verdict: judge(operationId, answer, body) };
    if (bucket) bucket.push(kept);
    else buckets.set(key, [kept]);
    order.add(kept);
    keptChars += body.length;
    // The newest stays even alone over the bound: the next request likely asks for it again.
    for (const oldest of order) {
      if ((order.size <= maxAnswers && keptChars <= maxChars) || oldest === kept) break;
      forget(oldest);
    }
    return kept.verdict;
  };

  return {
    get validations() {
      return validations;
    },
    pass(answer) {
      const { operationId, body } = answer;
      // A preflight, an unknown route, a HEAD: no operation's body to hold to the spec.
      if (operationId === undefined || body === null) return answer;
      const verdict = verdictOn(operationId, answer, body);
      if (verdict.length === 0) return answer;
      const refused = failure(
        500,
        `The mock's answer breaks the spec (Prism): ${verdict.map(describe).join('; ')}`,
        undefined,
        { code: 'MOCK_SPEC_VIOLATION', details: { validation: verdict } },
      );
      // The answer's CORS headers stay, so a page on another origin can read why.
      const cors = Object.entries(answer.headers).filter(
        ([name]) => name.startsWith('access-control-') || name === 'vary',
      );
      return { ...refused, headers: { ...Object.fromEntries(cors), ...refused.headers } };
    },
  };
}
