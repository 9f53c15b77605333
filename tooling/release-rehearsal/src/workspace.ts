// The workspace a release publishes from, read the one way every check reads it (repo-checks'
// reader: the folders pnpm-workspace.yaml lists and each manifest's `private`), so that a package
// added to the workspace is published, installed and checked without being named here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicPackages } from '@ofauth-mass-messages/repo-checks/scripts/workspace.mjs';
import { parse } from 'yaml';

export interface PublicPackage {
  dir: string;
  name: string;
  version: string;
}

/** The packages a release of the workspace at `root` publishes, sorted by folder. */
export function publishedPackages(root: string): PublicPackage[] {
  return publicPackages(root).map(({ dir, manifest }) => ({
    dir,
    name: String(manifest.name),
    version: String((manifest as { version?: unknown }).version),
  }));
}

/** A version from the workspace's catalog (the tools a consumer installs match the workspace's). */
export function catalogVersion(root: string, name: string): string {
  const { catalog = {} } = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as {
    catalog?: Record<string, string>;
  };
  const version = catalog[name];
  if (!version) throw new Error(`pnpm-workspace.yaml: no catalog entry for ${name}`);
  return version;
}
