// @ts-check
// Renders src/generated/operations.ts: the part of the spec package's operations table the
// client needs at run time (path, item array, query rules), as a literal.
// Why a lean copy instead of importing `@ofauth-mass-messages/spec/operations` at run time: that
// table also carries summaries, schema names and every response with its example names, which a
// browser bundle would ship for nothing (see scripts/size.mjs for both figures). The facts are
// still derived once, by the spec package's `buildOperations`; nothing here re-reads the document.
import { buildOperations, defaultServerUrl } from '@ofauth-mass-messages/spec';

/** @typedef {import('@ofauth-mass-messages/spec').OpenApiDocument} OpenApiDocument */
/** @typedef {import('@ofauth-mass-messages/spec').ParamRule} QueryRule */

/**
 * One query rule without what the client never reads (`default`: the API applies it).
 * @param {QueryRule} rule
 */
function leanRule({ default: _default, ...rule }) {
  return rule;
}

/**
 * Each operation by operationId: what a client method needs to send it and to page through it.
 * @param {OpenApiDocument} doc
 */
export function collectOperations(doc) {
  /** @type {Record<string, { path: string, itemsField: string, query: Record<string, QueryRule> }>} */
  const table = {};
  for (const operation of buildOperations(doc)) {
    // Until the client serves every kind (issue 20), the table holds page operations only.
    if (operation.kind !== 'page')
      throw new Error(`${operation.operationId}: the client serves pages only`);
    const { operationId, path, itemsField, query } = operation;
    table[operationId] = {
      path,
      itemsField,
      // Keyed by name so code can read one rule (`limit`'s maximum, the `type` enum); the
      // check takes the values. The table guarantees `limit` with a maximum on every operation.
      query: Object.fromEntries(query.map((rule) => [rule.name, leanRule(rule)])),
    };
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
    '/** Each operation by operationId: its path, item array and query rules. */',
    `export const operations = ${JSON.stringify(collectOperations(doc), null, 2)} as const;`,
    '',
  ].join('\n');
}
