export {
  bundlePath,
  findOperation,
  getOperation,
  getQueryParameters,
  type JsonObject,
  type JsonResponse,
  jsonResponse,
  listOperations,
  loadOperations,
  loadSpec,
  type OpenApiDocument,
  type OperationInfo,
  type QueryParameter,
  resolveRef,
} from './document.js';
export { checkParams, meetsRule, parseQuery, problem, type QueryProblem } from './query.js';
export {
  buildOperations,
  defaultServerUrl,
  describeRule,
  type Operation,
  type QueryRule,
  type ResponseFacts,
  SUPPORTED,
  UnsupportedOperationError,
} from './table.js';
export {
  formatIssues,
  SpecValidator,
  type ValidationIssue,
  type ValidationResult,
  validateResponse,
} from './validate.js';
