// The one assertion every contract check ends in: a response body must match the spec's schema
// for its operation and status. Validation is the spec package's (`SpecValidator`), never a
// second validator; this file only turns its issues into a failure a reader can act on.
import { formatIssues, type ValidationIssue } from '@ofauth-mass-messages/spec-validator';
import { type ContractSpec, contractSpec, operationAt } from './spec.js';

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
  spec: ContractSpec = contractSpec(),
): ValidationIssue[] {
  const result = spec.validator.validateResponse(operationId, status, body);
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
  spec: ContractSpec = contractSpec(),
): void {
  const issues = conformanceIssues(operationId, status, body, spec);
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
  /** The request's path: which operation answered is looked up in the spec by it. */
  path: string;
  /** `GET /path?query`, named in the failure. */
  request: string;
  status: number;
  body: unknown;
}

export interface ConformOptions {
  /** Statuses the caller asserts otherwise. */
  skipStatuses?: readonly number[];
  /** The error the responses caused, kept as the failure's cause. */
  cause?: unknown;
  spec?: ContractSpec;
}

/**
 * Throws ContractViolations naming every response that breaks the spec (a response to a path the
 * spec does not have counts as one).
 */
export function expectResponsesConform(
  responses: readonly ObservedResponse[],
  options: ConformOptions = {},
): void {
  const spec = options.spec ?? contractSpec();
  const violations: ContractViolation[] = [];
  for (const response of responses) {
    if (options.skipStatuses?.includes(response.status)) continue;
    const operation = operationAt(spec, response.path);
    if (operation === undefined) {
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
    const { operationId } = operation;
    const issues = conformanceIssues(operationId, response.status, response.body, spec);
    if (issues.length > 0) {
      violations.push(
        new ContractViolation(operationId, response.status, issues, response.request),
      );
    }
  }
  if (violations.length > 0) throw new ContractViolations(violations, options.cause);
}
