// What the CLI prints once the mock listens: where it is, its routes, and how to pick a scenario.
// Routes, statuses and example names come from the spec data the server serves.
import type { MockMode, SpecData } from '@ofauth-mass-messages/mocks';

const MODE_NOTES: Record<MockMode, string> = {
  dataset: 'a fixed, seeded set of records, paged with limit/offset and filtered',
  examples: "the spec's named examples, paged: firstPage, then lastPage, then emptyPage",
  dynamic: "records generated from the spec's schemas, seeded, a bounded number",
};

/** Whether `host` (a name or an address, IPv6 with or without brackets) is this machine only. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(bare);
}

/**
 * Said first when the mock listens where others can reach it: its CORS lets every origin read it
 * with any header, so every machine on the network (and every page open on them) can read the
 * mock and play the scenarios a developer's page picks with Prefer.
 */
function networkWarning(host: string): string[] {
  if (isLoopback(host)) return [];
  return [
    `Warning: ${host} is not a loopback address: anyone who can reach this machine on the network`,
    '  can read the mock and play the Prefer scenarios a page uses. To keep it to this machine, use',
    '  --host 127.0.0.1 (the default).',
    '',
  ];
}

/** Example names by status, across operations: `{ '200': ['firstPage', ...], ... }`. */
export function exampleNamesByStatus(spec: SpecData): Map<string, string[]> {
  const byStatus = new Map<string, string[]>();
  for (const responses of Object.values(spec.responses)) {
    for (const [status, { examples }] of Object.entries(responses)) {
      byStatus.set(status, [
        ...new Set([...(byStatus.get(status) ?? []), ...Object.keys(examples)]),
      ]);
    }
  }
  return byStatus;
}

export function banner(
  url: string,
  mode: MockMode,
  seed: number | undefined,
  spec: SpecData,
  latency = 0,
): string {
  const examples = exampleNamesByStatus(spec);
  const ok = examples.get('200') ?? [];
  const errors = [...examples.entries()]
    .filter(([status]) => status !== '200')
    .map(([status, names]) => `${status} (${names.join(', ')})`);
  const notes = [seed === undefined ? '' : `seed ${seed}`, latency ? `latency ${latency} ms` : '']
    .filter(Boolean)
    .join(', ');
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return [
    ...networkWarning(host),
    `OFAuth mock: ${mode} mode${notes ? ` (${notes})` : ''}: ${MODE_NOTES[mode]}`,
    `  base URL  ${url}`,
    ...spec.operations.map((op) => `  GET       ${url}${op.path}   (${op.operationId})`),
    '',
    `Send the headers ${spec.authHeaders.join(' and ')} (any value; without them: 401).`,
    'Invalid parameters get 400 naming the parameter and what it allows.',
    'Pick a scenario with the Prefer header:',
    `  Prefer: example=${ok.join(' | example=')}`,
    `  Prefer: code=<status>, one of ${errors.join(', ')}`,
    '  Prefer: code=429, times=1     (429 once for this connection and route, then 200)',
    '  Prefer: delay=800             (this response waits 800 ms)',
    'Ctrl-C stops the server.',
  ].join('\n');
}
