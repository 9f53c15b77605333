// @ts-check
// Renders src/generated/operations.ts: the part of the spec package's operations table the
// client needs at run time (kind and paging, path, item array, page size, parameter rules), as a
// literal typed `as const`, so the client's types read each operation's kind from it too.
// Why a lean copy instead of importing `@ofauth-mass-messages/spec/operations` at run time: that
// table also carries summaries, schema names and every response with its example names, which a
// browser bundle would ship for nothing (see scripts/size.mjs for both figures). The facts are
// still derived once, by the spec package's `buildOperations`; nothing here re-reads the document.
import { buildOperations, defaultServerUrl } from '@ofauth-mass-messages/spec';

/** @typedef {import('@ofauth-mass-messages/spec').OpenApiDocument} OpenApiDocument */
/** @typedef {import('@ofauth-mass-messages/spec').ParamRule} ParamRule */

/**
 * One parameter rule without what the client never reads (`default`: the API applies it).
 * @param {ParamRule} rule
 */
function leanRule({ default: _default, ...rule }) {
  return rule;
}

/**
 * Each operation by operationId: what the client's one generic method needs to send it, check
 * its answer and page through it. `kind` (`page` or `object`) and, for a page, `paging` (`offset`
 * or `none`) choose what a call resolves with and whether it iterates; `params` holds the path
 * parameters (template order) then the query parameters (document order), keyed by name so code
 * can read one rule (the `type` enum) and in the order a query string is written.
 * @param {OpenApiDocument} doc
 */
export function collectOperations(doc) {
  /** @type {Record<string, Record<string, unknown>>} */
  const table = {};
  for (const operation of buildOperations(doc)) {
    const { operationId, kind, path, pathParams, query } = operation;
    /** @type {Record<string, unknown>} */
    const entry = { kind };
    if (operation.kind === 'page') {
      entry.paging = operation.paging;
      entry.itemsField = operation.itemsField;
      // `limit`'s maximum and default: the page-size check, the iterator's page size, and the
      // size of a next page under maxItems. (Its minimum is the check's business: in `params`.)
      if (operation.pageSize) {
        const { minimum: _minimum, ...pageSize } = operation.pageSize;
        entry.pageSize = pageSize;
      }
    }
    entry.path = path;
    entry.params = Object.fromEntries(
      [...pathParams, ...query].map((rule) => [rule.name, leanRule(rule)]),
    );
    table[operationId] = entry;
  }
  return table;
}

/**
 * The whole module text (without the generated-file header).
 * @param {OpenApiDocument} doc
 */
export function renderOperations(doc) {
  const serverUrl = defaultServerUrl(doc);
  return [
    '/** The first server of the spec: the default base URL. */',
    `export const defaultBaseUrl = ${JSON.stringify(serverUrl)};`,
    '',
    '/** Each operation by operationId: its kind, paging, path, item array, page size and parameter rules. */',
    `export const operations = ${JSON.stringify(collectOperations(doc), null, 2)} as const;`,
    '',
  ].join('\n');
}
