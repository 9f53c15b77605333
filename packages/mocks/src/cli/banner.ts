// What the CLI prints once the mock answers: where it is, its routes, and how to pick a scenario.
// Routes and example names come from the spec, so the banner follows it.
import { type JsonObject, listOperations, resolveRef } from '@ofauth-mass-messages/spec';
import type { MockMode } from '../options.js';

const MODE_NOTES: Record<MockMode, string> = {
  examples: "the spec's named examples",
  dynamic: "data generated from the spec's schemas",
  dataset: 'a fixed, seeded set of records, paged with limit/offset/type',
};

/** Example names by status, across both operations: `{ '200': ['firstPage', ...], ... }`. */
export function exampleNamesByStatus(): Map<string, string[]> {
  const byStatus = new Map<string, string[]>();
  for (const { operation } of listOperations()) {
    for (const [status, declared] of Object.entries(operation.responses as JsonObject)) {
      const response = resolveRef<JsonObject>(declared);
      const content = response.content as Record<string, JsonObject> | undefined;
      const names = Object.keys(content?.['application/json']?.examples ?? {});
      const known = byStatus.get(status) ?? [];
      byStatus.set(status, [...new Set([...known, ...names])]);
    }
  }
  return byStatus;
}

export function banner(url: string, mode: MockMode, seed: number | undefined): string {
  const examples = exampleNamesByStatus();
  const ok = examples.get('200') ?? [];
  const errors = [...examples.entries()]
    .filter(([status]) => status !== '200' && status !== '400')
    .map(([status, names]) => `${status} (${names.join(', ')})`);
  const seedNote = seed === undefined ? '' : `, seed ${seed}`;
  const lines = [
    `OFAuth mass-messages mock: ${mode} mode${seedNote}: ${MODE_NOTES[mode]}`,
    `  base URL  ${url}`,
    ...listOperations().map((op) => `  GET       ${url}${op.path}   (${op.operationId})`),
    '',
    'Send the headers apiKey and x-connection-id (any value; without them: 401).',
    'Pick a scenario with the Prefer header:',
  ];
  if (mode === 'examples') lines.push(`  Prefer: example=${ok.join(' | example=')}`);
  lines.push(
    `  Prefer: code=<status>, one of ${errors.join(', ')}`,
    '  Prefer: code=429, example=rateLimited   (a status and one of its examples)',
    'Invalid parameters get 422 with a `validation` list naming the parameter.',
    'Ctrl-C stops the server.',
  );
  return lines.join('\n');
}
