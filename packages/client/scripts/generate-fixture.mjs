// @ts-check
// The `generate` task's second output: fixtures/generated/, rendered exactly like src/generated/
// (the same `render`) from a copy of the spec bundle with fixtures/shapes.yaml added: operations
// of every shape the client serves (a page without offset, one object, a path parameter), which
// the spec itself may not have yet. The tests build clients from its table and the type tests
// read its types, so each shape is proven through the code users get. Never committed (like
// src/generated/): a declared output of the `generate` task.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { render, resolveSpecPath } from './generate.mjs';

/** @typedef {import('@ofauth-mass-messages/spec').OpenApiDocument} OpenApiDocument */

export const shapesPath = fileURLToPath(new URL('../fixtures/shapes.yaml', import.meta.url));
export const fixtureOutDir = fileURLToPath(new URL('../fixtures/generated/', import.meta.url));

/**
 * The spec bundle with the shapes' paths and component schemas added; a name the bundle already
 * has is refused (the fixture would silently replace the real one).
 * @param {OpenApiDocument} bundle
 * @param {{ paths?: Record<string, unknown>, components?: { schemas?: Record<string, unknown> } }} shapes
 * @returns {OpenApiDocument}
 */
export function withShapes(bundle, shapes) {
  const doc = structuredClone(bundle);
  const paths = /** @type {Record<string, unknown>} */ (doc.paths ?? {});
  const components = /** @type {{ schemas?: Record<string, unknown> }} */ (doc.components ?? {});
  const schemas = components.schemas ?? {};
  for (const [into, add, what] of /** @type {const} */ ([
    [paths, shapes.paths ?? {}, 'path'],
    [schemas, shapes.components?.schemas ?? {}, 'schema'],
  ])) {
    for (const [name, value] of Object.entries(add)) {
      if (name in into)
        throw new Error(`fixtures/shapes.yaml: the spec already has the ${what} ${name}`);
      into[name] = value;
    }
  }
  return /** @type {OpenApiDocument} */ ({ ...doc, paths, components: { ...components, schemas } });
}

/**
 * Writes fixtures/generated/: `openapi.json` (the bundle with the shapes) and the same files as
 * src/generated/.
 * @param {{ specPath?: string, outDir?: string }} [options]
 */
export async function generateFixture({
  specPath = resolveSpecPath(),
  outDir = fixtureOutDir,
} = {}) {
  const bundle = JSON.parse(await readFile(specPath, 'utf8'));
  const doc = withShapes(bundle, parse(await readFile(shapesPath, 'utf8')));
  const files = {
    ...(await render(doc, 'fixtures/shapes.yaml')),
    'openapi.json': `${JSON.stringify(doc, null, 2)}\n`,
  };
  await mkdir(outDir, { recursive: true });
  await Promise.all(
    Object.entries(files).map(([name, text]) => writeFile(join(outDir, name), text)),
  );
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await generateFixture();
  console.log(`generated ${Object.keys(files).join(', ')} in ${fixtureOutDir}`);
}
