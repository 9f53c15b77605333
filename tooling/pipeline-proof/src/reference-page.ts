// What the reference page (Redoc's standalone HTML, the spec package's `docs` task) documents:
// the page carries the whole bundle it renders as `__redoc_definition`, so the document read back
// from the page is what a reader sees, operations, schemas and examples alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '@ofauth-mass-messages/spec';

export const REFERENCE_PAGE = 'packages/spec/docs/dist/index.html';
export const BUNDLE = 'packages/spec/dist/openapi.json';

/** The document a reference page renders, or an Error saying why it has none. */
export function pageDocument(html: string): JsonObject | Error {
  const match = html.match(/const __redoc_definition = (\{.*?\});\n/s);
  if (!match) return new Error('the page holds no __redoc_definition');
  try {
    return JSON.parse(match[1] as string) as JsonObject;
  } catch (error) {
    return new Error(`the page's definition is not JSON: ${String(error)}`);
  }
}

/** The page's document and the bundle it was built from, in a repository. */
export function readReferencePage(repoDir: string): {
  page: JsonObject | Error;
  bundle: JsonObject;
} {
  let html = '';
  try {
    html = readFileSync(join(repoDir, REFERENCE_PAGE), 'utf8');
  } catch {
    return { page: new Error(`${REFERENCE_PAGE} was not built`), bundle: {} };
  }
  const bundle = JSON.parse(readFileSync(join(repoDir, BUNDLE), 'utf8')) as JsonObject;
  return { page: pageDocument(html), bundle };
}
