// Everyday edits of the spec's schemas (the mocks package's fixtures: a required field, a nested
// one, enum and nullable changes, removed fields, a type change) reach the server too: it starts
// on each edited document, its start checking every record set with Prism's validator, and
// serves every operation of it. What each edit changes in the records is the mocks package's test.
import { readSpecData } from '@ofauth-mass-messages/mocks';
import { describe, expect, it } from 'vitest';
import { startMockServer } from '../src/server.js';
import { AUTH, SCHEMA_EDITS, withSchemaEdit, writeBundle } from './helpers.js';

describe.each(SCHEMA_EDITS.map((edit) => [edit.name, edit] as const))('%s', (_name, edit) => {
  it('the server starts on it (its records checked by Prism) and serves every operation', async () => {
    const doc = withSchemaEdit(edit);
    const bundle = await writeBundle(doc);
    const server = await startMockServer({ port: 0, mode: 'dataset', document: bundle.path });
    try {
      for (const operation of readSpecData(doc).operations) {
        if (operation.pathParams.length > 0) continue;
        const response = await fetch(`${server.url}${operation.path}`, { headers: AUTH });
        expect(response.status, `${operation.operationId}: ${await response.text()}`).toBe(200);
      }
    } finally {
      await server.stop();
      await bundle.dispose();
    }
  });
});
