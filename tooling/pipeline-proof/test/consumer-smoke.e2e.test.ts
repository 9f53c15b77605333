// The published packages, as a consumer outside the workspace gets them: packed, installed with
// plain npm, type-checked strictly, and used together (the packed mock served, the packed client
// calling it directly and through the packed proxy; the packed mock server's Prism checks what it
// answers against the spec).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsumerProject, packPublicPackages, publicPackages } from '../src/consumer-project.js';

const consumerScript = `import {
  AuthenticationError,
  createClient,
  type MassMessage,
  type PurchasedMassMessage,
} from '@ofauth-mass-messages/client';
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import { createProxyHandler } from '@ofauth-mass-messages/proxy';
const mock = await startMockServer({ port: 0 });
try {
  const client = createClient({ apiKey: 'consumer-secret-key', connectionId: 'conn_consumer', baseUrl: mock.url });
  const page = await client.listMassMessages({ limit: 5, type: 'sent' });
  const first: MassMessage | undefined = page.list[0];
  const purchased: PurchasedMassMessage[] = [];
  for await (const item of client.listPurchasedMassMessages({ limit: 10 }, { maxItems: 3 })) {
    purchased.push(item);
  }
  // The packed proxy holds the key; a keyless client reaches the mock through it.
  const proxy = createProxyHandler({ apiKey: 'consumer-secret-key', authorize: () => 'conn_consumer', upstream: mock.url, basePath: '/api', allowedHosts: ['app.invalid'] });
  const keyless = createClient({
    baseUrl: 'http://app.invalid/api',
    fetch: (url, init) => proxy(new Request(url, init)),
  });
  const proxied = await keyless.listMassMessages({ limit: 2 });
  let authError = '';
  try {
    await client.listMassMessages({}, { headers: { Prefer: 'code=401' }, maxRetries: 0 });
  } catch (error) {
    authError = error instanceof AuthenticationError ? \`AuthenticationError \${error.status}\` : String(error);
  }
  console.log(JSON.stringify({
    count: page.list.length,
    firstId: first?.id ?? null,
    purchased: purchased.length,
    proxied: proxied.list.length,
    authError,
  }));
} finally {
  await mock.stop();
}
`;

let packDir: string;
let project: ConsumerProject;

beforeAll(async () => {
  packDir = mkdtempSync(join(tmpdir(), 'packed-'));
  project = new ConsumerProject();
  const tarballs = await packPublicPackages(packDir);
  const installed = await project.install(tarballs);
  if (installed.code !== 0)
    throw new Error(`npm install of the tarballs failed:\n${installed.output}`);
});

afterAll(() => {
  project?.remove();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe('a consumer outside the workspace', () => {
  it('has every public workspace package installed from its tarball', () => {
    const expected = publicPackages();
    expect(expected.map((p) => p.name)).toContain('@ofauth-mass-messages/client');
    for (const { name, version } of expected) {
      expect(project.installed(name), `${name} is not installed`).toEqual(
        expect.objectContaining({ name, version }),
      );
    }
  });

  it('type-checks a strict TypeScript file using all three packages', async () => {
    project.write('consumer.ts', consumerScript);
    const built = await project.typecheckAndBuild();
    expect(built.output).toBe('');
    expect(built.code).toBe(0);
  });

  it('starts the packed mock and calls it with the packed client', async () => {
    const ran = await project.node('dist/consumer.js');
    expect(ran.code, ran.output).toBe(0);
    const line = ran.output
      .trim()
      .split('\n')
      .find((l) => l.startsWith('{"count"'));
    expect(line, ran.output).toBeDefined();
    const result = JSON.parse(line as string) as Record<string, unknown>;
    expect(result.count).toBeGreaterThan(0);
    expect(typeof result.firstId).toBe('number');
    expect(result.purchased).toBe(3);
    expect(result.proxied).toBe(2);
    expect(result.authError).toBe('AuthenticationError 401');
    expect(ran.output).not.toContain('consumer-secret-key');
  });

  it('rejects a consumer that misuses the client types', async () => {
    project.write(
      'misuse.ts',
      `import { createClient } from '@ofauth-mass-messages/client';
const client = createClient({ apiKey: 'k', connectionId: 'c' });
await client.listMassMessages({ type: 'archived' });
`,
    );
    const built = await project.typecheckAndBuild();
    expect(built.code).not.toBe(0);
    expect(built.output).toContain('archived');
  });
});
