// Whether what crossed the wire keeps to a document: every exchange answered by an operation of
// its table (the path matched against the templates) is validated against that operation's
// response schema for its status, with the spec package's table and the test-side validator.
// Exchanges of paths the document does not have are left to the row's own check.
import { buildOperations, type OpenApiDocument, type Operation } from '@ofauth-mass-messages/spec';
import { formatIssues, SpecValidator } from '@ofauth-mass-messages/spec-validator';
import type { Exchange } from './edit-rows.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/a/{id}/b` → a pattern of its paths, each template a segment of its own. */
const templatePattern = (path: string) =>
  new RegExp(
    `^${path
      .split(/\{[^}]*\}/)
      .map(escapeRegExp)
      .join('[^/]+')}$`,
  );

export class Conformance {
  private readonly validator: SpecValidator;
  private readonly operations: { operation: Operation; pattern: RegExp }[];

  constructor(doc: OpenApiDocument) {
    this.validator = new SpecValidator(doc);
    this.operations = buildOperations(doc).map((operation) => ({
      operation,
      pattern: templatePattern(operation.path),
    }));
  }

  /** The operation that answers a request path, if the document has one. */
  operationAt(url: string): Operation | undefined {
    const path = new URL(url, 'http://probe.invalid').pathname;
    return this.operations.find(({ pattern }) => pattern.test(path))?.operation;
  }

  /** One line per broken rule, naming the request; the count of exchanges validated. */
  check(exchanges: readonly Exchange[]): { problems: string[]; validated: number } {
    const problems: string[] = [];
    let validated = 0;
    for (const exchange of exchanges) {
      const operation = this.operationAt(exchange.url);
      if (!operation) continue;
      const result = this.validator.validateResponse(
        operation.operationId,
        exchange.status,
        exchange.body,
      );
      validated++;
      if (!result.valid) {
        problems.push(
          `${exchange.status} to GET ${exchange.url} breaks the spec:\n${formatIssues(operation.operationId, result)}`,
        );
      }
    }
    return { problems, validated };
  }
}
