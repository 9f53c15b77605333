// @ts-check
// Renders src/generated/operations.ts: each operation's method and path, and the runtime rules of
// its query parameters (type, range, enum) read from the bundled spec, so the client's
// argument checks never repeat a limit by hand (DESIGN.md: "never from a second table").
import { getQueryParameters, listOperations } from '@ofauth-mass-messages/spec';

/** @typedef {import('@ofauth-mass-messages/spec').OpenApiDocument} OpenApiDocument */
/** @typedef {import('@ofauth-mass-messages/spec').JsonObject} JsonObject */

/**
 * The rule the client checks one query parameter against (no default: the API applies it).
 * @typedef {{ type: string, nullable?: true, minimum?: number, maximum?: number,
 *   enum?: unknown[], allowed: string }} ParameterRule
 */

// Schema keywords the rule captures, plus annotations that constrain nothing. Anything else
// (pattern, exclusiveMinimum, format, …) would be a constraint the client silently skipped.
const KNOWN_KEYWORDS = new Set([
  'type',
  'enum',
  'minimum',
  'maximum',
  'default',
  'description',
  'examples',
  'example',
  'title',
]);
const CHECKABLE_TYPES = new Set(['integer', 'number', 'string', 'boolean']);

/**
 * Turns one parameter schema into a rule, or explains which construct it can't check.
 * @param {string} where e.g. `listMassMessages.limit`, for the error message
 * @param {JsonObject} schema
 * @returns {ParameterRule}
 */
export function toRule(where, schema) {
  const unknown = Object.keys(schema).filter((key) => !KNOWN_KEYWORDS.has(key));
  if (unknown.length > 0) {
    throw new Error(`${where}: cannot generate a runtime check for ${unknown.join(', ')}`);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const nullable = types.includes('null');
  const valueTypes = types.filter((t) => t !== 'null');
  const type = valueTypes[0];
  if (valueTypes.length !== 1 || typeof type !== 'string' || !CHECKABLE_TYPES.has(type)) {
    throw new Error(
      `${where}: type ${JSON.stringify(schema.type)} is not one of ${[...CHECKABLE_TYPES].join(', ')} (optionally with null)`,
    );
  }
  /** @type {ParameterRule} */
  const rule = { type, allowed: '' };
  if (nullable) rule.nullable = true;
  if (typeof schema.minimum === 'number') rule.minimum = schema.minimum;
  if (typeof schema.maximum === 'number') rule.maximum = schema.maximum;
  if (Array.isArray(schema.enum)) rule.enum = schema.enum;
  rule.allowed = describeRule(rule);
  return rule;
}

/**
 * The human phrase the client's InvalidArgumentError uses: "an integer from 1 to 20".
 * @param {ParameterRule} rule
 */
export function describeRule(rule) {
  let text;
  if (rule.enum) {
    text = `one of ${rule.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  } else {
    text = rule.type === 'integer' ? 'an integer' : `a ${rule.type}`;
    if (rule.minimum !== undefined && rule.maximum !== undefined) {
      text += ` from ${rule.minimum} to ${rule.maximum}`;
    } else if (rule.minimum !== undefined) {
      text += ` >= ${rule.minimum}`;
    } else if (rule.maximum !== undefined) {
      text += ` <= ${rule.maximum}`;
    }
  }
  return rule.nullable ? `${text} (or null)` : text;
}

/**
 * Every operation with its method, path and query rules.
 * @param {OpenApiDocument} doc
 */
export function collectOperations(doc) {
  /** @type {Record<string, { path: string, query: Record<string, ParameterRule> }>} */
  const operations = {};
  for (const { operationId, method, path } of listOperations(doc)) {
    // The client sends every request with GET (both operations are reads).
    if (method !== 'get') throw new Error(`${operationId}: only GET operations are supported`);
    /** @type {Record<string, ParameterRule>} */
    const query = {};
    for (const param of getQueryParameters(operationId, doc)) {
      query[param.name] = toRule(`${operationId}.${param.name}`, param.schema);
    }
    operations[operationId] = { path, query };
  }
  return operations;
}

/**
 * The whole module text (without the generated-file header).
 * @param {OpenApiDocument} doc
 */
export function renderOperations(doc) {
  const servers = /** @type {{ url?: unknown }[] | undefined} */ (doc.servers);
  const serverUrl = servers?.[0]?.url;
  if (typeof serverUrl !== 'string') {
    throw new Error('The spec names no server: servers[0].url is the default base URL');
  }
  const operations = collectOperations(doc);
  return [
    '/** The first server of the spec: the default base URL. */',
    `export const defaultBaseUrl = ${JSON.stringify(serverUrl)};`,
    '',
    '/** Each (GET) operation by operationId: its path and the rules of its query parameters. */',
    `export const operations = ${JSON.stringify(operations, null, 2)} as const;`,
    '',
  ].join('\n');
}
