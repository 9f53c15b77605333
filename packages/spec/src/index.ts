export {
  bundlePath,
  getOperation,
  getQueryParameters,
  type JsonObject,
  listOperations,
  loadSpec,
  type OpenApiDocument,
  type OperationInfo,
  type QueryParameter,
  resolveRef,
} from './document.js';
export {
  formatIssues,
  SpecValidator,
  type ValidationIssue,
  type ValidationResult,
  validateResponse,
} from './validate.js';
