// The spec package's code: reading the document (one resolver, one reader of responses) and
// deriving the operations table from it. Pure: runs in Node at build time, and anywhere the
// mocks or the contract checks read a document. The table itself, generated from the bundle, is
// `@ofauth-mass-messages/spec/operations`; the bundle is `@ofauth-mass-messages/spec/openapi.json`.

export {
  deref,
  flatten,
  type JsonObject,
  type ObjectShape,
  objectShape,
  type RefRoot,
  refName,
  typesOf,
} from './resolve.js';
export { type JsonResponse, jsonResponse } from './responses.js';
export {
  ANNOTATION_KEYWORDS,
  describeRule,
  type ParamFormat,
  type ParamRule,
  type ParamType,
  paramRule,
  type QueryRule,
  SCALAR_KEYWORDS,
  UnsupportedOperationError,
} from './rules.js';
export {
  buildOperations,
  type DocumentOperation,
  defaultServerUrl,
  describeOperation,
  documentOperation,
  documentOperations,
  HTTP_METHODS,
  type ObjectOperation,
  type OffsetPageOperation,
  type Operation,
  type PageOperation,
  type PageSize,
  type ResponseFacts,
  type SecurityHeader,
  type SinglePageOperation,
  SUPPORTED,
  templateNames,
} from './table.js';

/** An OpenAPI document, parsed: what the readers above take. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; [key: string]: unknown };
  [key: string]: unknown;
}
