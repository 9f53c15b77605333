// One JSON Schema (2020-12) validator of response bodies against a bundled spec, for tests only
// (the spec's examples, the mocks' and the proxy's tests, the contract checks, the pipeline
// proofs). Published packages never install it: the mock server checks its answers with Prism.
import {
  documentOperation,
  type JsonObject,
  jsonResponse,
  type OpenApiDocument,
} from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

// A CommonJS module whose `module.exports` is the plugin: that is the default import at run time,
// while its types describe the namespace (with the plugin as `default`).
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;

export type { OpenApiDocument };

export interface ValidationIssue {
  /** Where in the body, as a JSON path: `$.list[0].fromUser.id`. */
  path: string;
  /** The schema rule that failed: `required`, `type`, `enum`, … */
  keyword: string;
  message: string;
  /** Where in the spec the rule lives. */
  schemaPath: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

// OpenAPI and tool keywords that are annotations to a JSON Schema validator.
const ANNOTATION_KEYWORDS = [
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'x-faker',
  'x-json-schema-faker',
];

const DOC_ID = 'openapi.json';

function toJsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((key) =>
      /^\d+$/.test(key)
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `.${key}`
          : `[${JSON.stringify(key)}]`,
    )
    .join('')}`;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    case 'enum':
      return `must be one of ${JSON.stringify(params.allowedValues)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Compiles validators against one document; cached per document object. */
export class SpecValidator {
  readonly doc: OpenApiDocument;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Every subschema object of the components, mapped to where it stands in the spec. */
  private readonly locations = new WeakMap<object, string>();

  constructor(doc: OpenApiDocument = readDocument()) {
    this.doc = doc;
    // verbose: errors carry the subschema object, which `locations` maps back to the spec.
    this.ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    // `format` is checked (date, date-time, email, uri, …), as Prism checks it: a value the mock
    // or the API sends must fit it, and strict mode would refuse a schema using one otherwise.
    addFormats(this.ajv);
    for (const keyword of ANNOTATION_KEYWORDS) this.ajv.addKeyword({ keyword });
    // Component schemas become one schema document whose $defs the refs point into.
    const defs = JSON.parse(
      JSON.stringify(doc.components?.schemas ?? {}).replaceAll(
        '"#/components/schemas/',
        `"${DOC_ID}#/$defs/`,
      ),
    ) as JsonObject;
    this.ajv.addSchema({ $id: DOC_ID, $defs: defs });
    this.indexLocations(defs, '#/components/schemas');
  }

  private indexLocations(node: unknown, pointer: string): void {
    if (node === null || typeof node !== 'object') return;
    this.locations.set(node, pointer);
    for (const [key, child] of Object.entries(node)) {
      this.indexLocations(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    }
  }

  /** Where in the spec the broken rule lives: `#/components/schemas/MassMessage/required`. */
  private locate(error: ErrorObject): string {
    const parent = error.parentSchema ? this.locations.get(error.parentSchema) : undefined;
    return parent ? `${parent}/${error.keyword}` : error.schemaPath;
  }

  /** The JSON schema of a response body, or undefined when the spec declares no body. */
  responseSchema(operationId: string, status: number | string): JsonObject | undefined {
    const { operation } = documentOperation(this.doc, operationId);
    return jsonResponse(operation.responses, status, this.doc)?.schema as JsonObject | undefined;
  }

  /** Validates a response body of an operation and status against the spec. */
  validateResponse(operationId: string, status: number | string, body: unknown): ValidationResult {
    const key = `${operationId} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const schema = this.responseSchema(operationId, status);
      if (!schema) {
        const issue: ValidationIssue = {
          path: '$',
          keyword: 'status',
          message: `${operationId} declares no JSON response for status ${status}`,
          schemaPath: `#/paths/${operationId}/responses`,
        };
        return { valid: false, errors: [issue] };
      }
      const rewritten = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${DOC_ID}#/$defs/`),
      ) as JsonObject;
      validate = this.ajv.compile(rewritten);
      this.compiled.set(key, validate);
    }
    const valid = validate(body) as boolean;
    const errors = (validate.errors ?? []).map((e) => ({
      path: toJsonPath(e.instancePath),
      keyword: e.keyword,
      message: describe(e),
      schemaPath: this.locate(e),
    }));
    return { valid, errors };
  }
}

let shared: SpecValidator | undefined;

/**
 * Validates against the spec package's bundle: `validateResponse('listMassMessages', 200, body)`.
 * The bundle is read once per test process (tests that edit a document pass their own to
 * `new SpecValidator(doc)`).
 */
export function validateResponse(
  operationId: string,
  status: number | string,
  body: unknown,
): ValidationResult {
  shared ??= new SpecValidator();
  return shared.validateResponse(operationId, status, body);
}

/** One line per problem, naming the operation, the JSON path and the rule broken. */
export function formatIssues(operationId: string, result: ValidationResult): string {
  return result.errors
    .map((e) => `${operationId}: ${e.path} ${e.message} (rule "${e.keyword}" at ${e.schemaPath})`)
    .join('\n');
}
