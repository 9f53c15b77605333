// `@ofauth-mass-messages/core`: what the client, the proxy and the mocks share at run time.
// Nothing here reads a document or validates a body: it works from the operations table
// (`@ofauth-mass-messages/spec/operations`), small enough for a browser bundle.
export { checkOptions, isHeaderValue, type OptionRule, option } from './options.js';
export {
  checkParams,
  fillPath,
  formatValue,
  meetsRule,
  type Parsed,
  parseQuery,
  parseText,
  queryString,
} from './params.js';
export { type Problem, problem, show } from './problem.js';
export { createRouter, type Match, type Router } from './router.js';
