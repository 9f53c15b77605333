// The one assertion every contract check ends in: a response body must match the spec's schema
// for its operation and status. Validation is the spec package's (`validateResponse`), never a
// second validator; this file only turns its issues into a failure a reader can act on.
import { formatIssues, type ValidationIssue, validateResponse } from '@ofauth-mass-messages/spec';

/** A response that breaks the spec: names the operation, the status, each JSON path and rule. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  readonly operationId: string;
  readonly status: number;
  readonly issues: ValidationIssue[];

  constructor(operationId: string, status: number, issues: ValidationIssue[], context?: string) {
    const where = context ? ` (${context})` : '';
    super(
      `${operationId} ${status} response breaks the spec${where}:\n${formatIssues(operationId, {
        valid: false,
        errors: issues,
      })}`,
    );
    this.operationId = operationId;
    this.status = status;
    this.issues = issues;
  }
}

/** The issues of a body against the spec; empty when it conforms. */
export function conformanceIssues(
  operationId: string,
  status: number,
  body: unknown,
): ValidationIssue[] {
  const result = validateResponse(operationId, status, body);
  return result.valid ? [] : result.errors;
}

/**
 * Throws a ContractViolation unless `body` matches the spec's response schema of `operationId`
 * for `status`. `context` (for example the request's query) is added to the message.
 */
export function expectConforms(
  operationId: string,
  status: number,
  body: unknown,
  context?: string,
): void {
  const issues = conformanceIssues(operationId, status, body);
  if (issues.length > 0) throw new ContractViolation(operationId, status, issues, context);
}

/** Several responses of one check broke the spec: every violation, one block each. */
export class ContractViolations extends Error {
  override readonly name = 'ContractViolations';
  readonly violations: ContractViolation[];

  constructor(violations: ContractViolation[], cause?: unknown) {
    super(
      violations.map((v) => v.message).join('\n\n'),
      cause === undefined ? undefined : { cause },
    );
    this.violations = violations;
  }
}

export interface ObservedResponse {
  operationId: string | undefined;
  /** `GET /path?query`, named in the failure. */
  request: string;
  status: number;
  body: unknown;
}

/**
 * Throws ContractViolations naming every response that breaks the spec (a response to a path the
 * spec does not have counts as one). `skipStatuses` are statuses the caller asserts otherwise.
 */
export function expectResponsesConform(
  responses: readonly ObservedResponse[],
  options: { skipStatuses?: readonly number[]; cause?: unknown } = {},
): void {
  const violations: ContractViolation[] = [];
  for (const response of responses) {
    if (options.skipStatuses?.includes(response.status)) continue;
    if (response.operationId === undefined) {
      const issue = {
        path: '$',
        keyword: 'path',
        message: 'the spec has no operation at this path',
        schemaPath: '#/paths',
      };
      violations.push(
        new ContractViolation('unknownOperation', response.status, [issue], response.request),
      );
      continue;
    }
    const issues = conformanceIssues(response.operationId, response.status, response.body);
    if (issues.length > 0) {
      violations.push(
        new ContractViolation(response.operationId, response.status, issues, response.request),
      );
    }
  }
  if (violations.length > 0) throw new ContractViolations(violations, options.cause);
}
