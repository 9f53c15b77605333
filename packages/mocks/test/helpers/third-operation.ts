// A copy of the spec's bundle with a third paged GET operation, `listTopMassMessages`, copied
// from listMassMessages: what a contributor adding an endpoint to openapi.yaml produces.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { readDocument as loadSpec } from '@ofauth-mass-messages/spec/node';

export const THIRD = 'listTopMassMessages';
export const THIRD_PATH = '/v2/access/mass-messages/top';

export function withThirdOperation(): OpenApiDocument {
  const doc = structuredClone(loadSpec());
  const list = doc.paths['/v2/access/mass-messages']?.get;
  doc.paths[THIRD_PATH] = {
    get: { ...(structuredClone(list) as object), operationId: THIRD, summary: 'Top mass messages' },
  };
  return doc;
}

/** The copy written to a temporary file (for `startMockServer({ document })`). */
export async function writeThirdOperationBundle(): Promise<{
  path: string;
  dispose(): Promise<void>;
}> {
  const folder = await mkdtemp(join(tmpdir(), 'ofauth-mock-third-'));
  const path = join(folder, 'openapi.json');
  await writeFile(path, JSON.stringify(withThirdOperation()));
  return { path, dispose: () => rm(folder, { recursive: true, force: true }) };
}
