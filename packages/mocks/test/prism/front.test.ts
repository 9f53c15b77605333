// Prism in front of the core: every answer is checked against the spec, and one that breaks it
// becomes a 500 naming the violation. Proven with a document whose example page is broken (the
// core serves the example's items as written): through Prism it is caught, without Prism it goes out.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument as loadSpec } from '@ofauth-mass-messages/spec/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/server.js';
import { AUTH, getJson, LIST } from '../helpers/http.js';

let folder: string;
let broken: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mock-prism-'));
  const doc = structuredClone(loadSpec()) as unknown as {
    components: { examples: Record<string, { value: { list: { id: unknown }[] } }> };
  };
  const item = doc.components.examples.MassMessagesFirstPage?.value.list[0];
  if (!item) throw new Error('the spec has no MassMessagesFirstPage example with an item');
  item.id = 'not-an-integer';
  broken = join(folder, 'broken.json');
  await writeFile(broken, JSON.stringify(doc));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.each([
  [true, 500],
  [false, 200],
])('prism: %s, serving an example page that breaks the spec', (prism, status) => {
  let mock: MockServer;
  const lines: string[] = [];

  beforeAll(async () => {
    mock = await startMockServer({
      port: 0,
      mode: 'examples',
      document: broken,
      prism,
      onLog: (line) => lines.push(line),
    });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it(`answers ${status}`, async () => {
    const { status: got, body } = await getJson(`${mock.url}${LIST.path}`, {
      ...AUTH,
      apiKey: 'sk_live_prism_secret',
    });
    expect(got).toBe(status);
    if (prism) {
      // Prism's problem body names where the answer broke the spec.
      expect(JSON.stringify(body)).toMatch(/"list","0","id"/);
      expect(JSON.stringify(body)).toMatch(/VIOLATIONS/);
      expect(lines.join('\n')).not.toContain('sk_live_prism_secret');
    } else {
      expect((body as { list: { id: unknown }[] }).list[0]?.id).toBe('not-an-integer');
    }
  });

  it('still answers what the spec allows: 401 without the headers, 400 naming the parameter', async () => {
    expect((await getJson(`${mock.url}${LIST.path}`, {})).status).toBe(401);
    const bad = await getJson(`${mock.url}${LIST.path}?limit=21`, AUTH);
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toBe(
      'limit must be an integer from 1 to 20, got "21"',
    );
  });
});
