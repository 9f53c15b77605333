// @ts-check
// Renders the TypeScript of the spec: openapi-typescript's `paths`/`components`/`operations`
// (src/generated/schema.ts) and one named alias per component schema (src/generated/models.ts),
// so every schema the spec gains or loses is exported, or not, without a hand-written line.
import openapiTS, { astToString } from 'openapi-typescript';

/** @typedef {import('@ofauth-mass-messages/spec').OpenApiDocument} OpenApiDocument */

/**
 * openapi-typescript's output for the document.
 * @param {OpenApiDocument} doc
 */
export async function renderSchema(doc) {
  // A deep copy: openapi-typescript annotates the object it is given.
  const ast = await openapiTS(/** @type {never} */ (structuredClone(doc)), { silent: true });
  return astToString(ast);
}

// Names a schema alias must not take: they would shadow a global (Error, Response, …) or a
// TypeScript utility type in the consumer's code. Such a schema's alias gets a `Body` suffix.
const TYPE_UTILITIES = new Set([
  'Record',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
  'Exclude',
  'Extract',
  'NonNullable',
  'ReturnType',
  'Awaited',
]);

/** @param {string} schemaName */
export function aliasName(schemaName) {
  if (!/^[A-Za-z_$][\w$]*$/.test(schemaName)) {
    throw new Error(`Schema name "${schemaName}" is not a TypeScript identifier`);
  }
  return schemaName in globalThis || TYPE_UTILITIES.has(schemaName)
    ? `${schemaName}Body`
    : schemaName;
}

/**
 * `export type MassMessage = components['schemas']['MassMessage'];` for every schema.
 * @param {OpenApiDocument} doc
 */
export function renderModels(doc) {
  const lines = ["import type { components } from './schema.js';", ''];
  const schemas = /** @type {Record<string, { description?: unknown }>} */ (
    doc.components?.schemas ?? {}
  );
  for (const name of Object.keys(schemas)) {
    const description = schemas[name]?.description;
    if (typeof description === 'string') {
      lines.push(`/** ${description.replaceAll('*/', '*\\/').replaceAll('\n', ' ').trim()} */`);
    }
    lines.push(`export type ${aliasName(name)} = components['schemas']['${name}'];`);
  }
  lines.push('');
  return lines.join('\n');
}
