// Node only (`@ofauth-mass-messages/spec/node`): reading a bundled document from disk. No cache:
// a caller that reads twice (the mock's watch mode, after a save) gets the document as it is now.
import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from './index.js';

/** This package's bundle (`dist/openapi.json`), built from openapi.yaml. */
export const bundlePath: URL = new URL('../dist/openapi.json', import.meta.url);

/** Reads and parses a bundled OpenAPI document (JSON); by default this package's bundle. */
export function readDocument(path: string | URL = bundlePath): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const name = path instanceof URL ? path.pathname : path;
    throw new Error(
      path === bundlePath
        ? `The spec bundle ${name} is missing: run the spec package's build first.`
        : `Cannot read the OpenAPI document ${name}`,
      { cause },
    );
  }
  try {
    return JSON.parse(text) as OpenApiDocument;
  } catch (cause) {
    throw new Error(
      `The OpenAPI document ${path instanceof URL ? path.pathname : path} is not JSON`,
      { cause },
    );
  }
}
