// A throwaway npm registry: Verdaccio, inside this process, on 127.0.0.1 at a port the system
// picks, storing into a temporary folder. It has no uplink: it holds exactly what the rehearsal
// publishes, and consumers reach every other package through the machine's own registry (their
// .npmrc sends only our scope here). One user is created at start; its token is the only
// credential the release ever gets, and it dies with the registry.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

/** One published version's manifest, as the registry serves it (the fields the rehearsal reads). */
export interface PublishedManifest {
  name: string;
  version: string;
  dist: { tarball: string };
  main?: string;
  exports?: unknown;
  peerDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** What the registry answers for a package. */
export interface Packument {
  name: string;
  'dist-tags': Record<string, string>;
  versions: Record<string, PublishedManifest>;
}

export interface Registry {
  /** The registry's address, with its trailing slash, as npm writes registry URLs. */
  url: string;
  /** A publish token for the one user. */
  token: string;
  /** The package as the registry holds it; undefined when nothing of that name is published. */
  packument(name: string): Promise<Packument | undefined>;
  /** The published tarball of one version. */
  tarball(name: string, version: string): Promise<ArrayBuffer>;
  stop(): Promise<void>;
}

export async function startRegistry(): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'release-registry-'));
  const server: Server = await runServer({
    self_path: dir,
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } },
    uplinks: {},
    packages: {
      '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
    },
    web: { enable: false },
    // Errors only: its own advice (the Node version it prefers) is not the rehearsal's business.
    log: { type: 'stdout', format: 'pretty', level: 'error' },
    // biome-ignore lint/suspicious/noExplicitAny: Verdaccio's config type is not exported
  } as any);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };

  let token: string;
  try {
    token = await addUser(url);
  } catch (error) {
    await stop();
    throw error;
  }

  const packument = async (name: string) => {
    const response = await fetch(new URL(name.replace('/', '%2f'), url));
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`the registry answered ${response.status} for ${name}`);
    return (await response.json()) as Packument;
  };

  return {
    url,
    token,
    packument,
    async tarball(name, version) {
      const published = (await packument(name))?.versions[version];
      if (!published) throw new Error(`${name}@${version} is not on the registry`);
      const response = await fetch(published.dist.tarball);
      if (!response.ok) throw new Error(`the tarball of ${name}@${version}: ${response.status}`);
      return response.arrayBuffer();
    },
    stop,
  };
}

/** Creates the one user (as `npm adduser` does) and returns its token. */
async function addUser(url: string): Promise<string> {
  const name = 'rehearsal';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: randomBytes(24).toString('hex') }),
  });
  const body = (await response.json()) as { token?: string };
  if (response.status !== 201 || !body.token) {
    throw new Error(`the registry refused the rehearsal's user: ${response.status}`);
  }
  return body.token;
}
