// Which OpenAPI document Prism serves. Prism gets the spec's bundle with one change, made here:
// the operations' 400 responses are left out of the copy handed to Prism.
//
// Why: for a request that breaks a parameter rule, Prism 5.14 answers with the spec's 422 or 400
// response if there is one, and only otherwise with its own 422 whose `validation` list names
// the parameter and the rule. The spec documents 400 with one example ("limit must be between 1
// and 20"), so Prism would answer that same body for a bad `offset` or `type` too. Without the
// 400, every mode answers as `prism proxy --errors` does on its own: 422, naming the parameter.
// Everything else (schemas, examples, security, the other statuses) is the bundle unchanged.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type JsonObject = { [key: string]: unknown };

const require = createRequire(import.meta.url);

/** The spec package's bundle, resolved through its `./openapi.json` export. */
export function specBundlePath(): string {
  return require.resolve('@ofauth-mass-messages/spec/openapi.json');
}

/** The status Prism would answer every invalid request with, masking its own 422. */
export const MASKED_STATUS = '400';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A copy of the document without the operations' 400 responses; the input is not changed. */
export function toMockDocument(document: JsonObject): JsonObject {
  const copy = structuredClone(document);
  const paths = (copy.paths ?? {}) as Record<string, JsonObject>;
  for (const item of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as JsonObject | undefined;
      const responses = operation?.responses as JsonObject | undefined;
      if (responses) delete responses[MASKED_STATUS];
    }
  }
  return copy;
}

export interface MockDocumentFile {
  path: string;
  /** Removes the temporary file and its folder. */
  dispose(): Promise<void>;
}

/**
 * Writes the mock view of a JSON document to a fresh temporary folder. A file that is not JSON
 * is handed to Prism as it is, so that Prism reports what is wrong with it in its own words.
 */
export async function writeMockDocument(sourcePath: string): Promise<MockDocumentFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(sourcePath, 'utf8'));
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { path: sourcePath, dispose: async () => {} };
  }
  const folder = await mkdtemp(join(tmpdir(), 'ofauth-mock-'));
  const path = join(folder, 'openapi.json');
  await writeFile(path, JSON.stringify(toMockDocument(parsed as JsonObject)));
  return { path, dispose: () => rm(folder, { recursive: true, force: true }) };
}
