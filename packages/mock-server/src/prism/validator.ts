// Prism's part, in one place: Prism reads the OpenAPI document into its HTTP operations, and
// Prism's response validator (the one its own mock server runs on every answer: status, media
// type, body schema, documented headers) judges an answer against them. The gate (gate.ts) and
// the start-up check of the records (records.ts) both ask here; nothing else imports Prism.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
// Prism's validator has no entry of its own; this module is what its server calls per answer.
import { validateOutput } from '@stoplight/prism-http/dist/validator/index.js';

type PrismOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

/** One thing Prism found wrong with an answer, as Prism's own server reports it. */
export interface Violation {
  /** Where: `['response', 'body', 'list', '0', 'id']`, `['response', 'header', 'retry-after']`. */
  location: string[];
  /** `Error` breaks the spec; `Warning` (a status the operation does not document) does not. */
  severity: 'Error' | 'Warning' | 'Information' | 'Hint';
  /** The rule that failed (`type`, `required`, …), when Prism names one. */
  code: string | number | undefined;
  message: string;
}

/** What the validator reads of an answer. */
export interface Answer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The body, parsed (JSON) or as sent. */
  body: unknown;
}

export interface PrismValidator {
  /** Whether Prism knows the operation (every one the spec package's table has). */
  has(operationId: string): boolean;
  /** The response header names an operation documents, lower-case: the only ones Prism reads. */
  documentedHeaders(operationId: string): readonly string[];
  /** Everything Prism finds wrong with `answer` as a response of `operationId`. */
  validate(operationId: string, answer: Answer): Violation[];
}

const SEVERITIES = ['Error', 'Warning', 'Information', 'Hint'] as const;

/** Prism's validator for `doc` (Prism reads a copy: it dereferences what it is given in place). */
export async function createPrismValidator(doc: object): Promise<PrismValidator> {
  const operations = new Map<string, PrismOperation>();
  for (const operation of await getHttpOperationsFromSpec(structuredClone(doc))) {
    if (operation.iid) operations.set(operation.iid, operation);
  }
  const headers = new Map(
    [...operations].map(([id, operation]) => [
      id,
      [
        ...new Set(
          operation.responses.flatMap((r) => (r.headers ?? []).map((h) => h.name.toLowerCase())),
        ),
      ],
    ]),
  );
  const find = (operationId: string) => {
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`Prism does not know the operation ${operationId}`);
    return operation;
  };
  return {
    has: (operationId) => operations.has(operationId),
    documentedHeaders: (operationId) => headers.get(operationId) ?? [],
    validate(operationId, answer) {
      const result = validateOutput({
        resource: find(operationId),
        element: { statusCode: answer.status, headers: answer.headers, body: answer.body },
      });
      if (result._tag === 'Right') return [];
      return result.left.map((diagnostic) => ({
        location: ['response', ...(diagnostic.path ?? []).map(String)],
        severity: SEVERITIES[diagnostic.severity] ?? 'Error',
        code: diagnostic.code,
        message: diagnostic.message,
      }));
    },
  };
}
