// The workspace as pnpm sees it: the package folders pnpm-workspace.yaml lists, and their
// manifests. One reader for every check (and for .ci/sum-vitest-reports.mjs), so that a package
// added under a listed folder is seen everywhere without editing a list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * @typedef {{ name?: string, private?: boolean, scripts?: Record<string, string>,
 *   dependencies?: Record<string, string>, devDependencies?: Record<string, string> }} Manifest
 * @typedef {{ dir: string, manifest: Manifest }} WorkspacePackage
 */

/**
 * Every workspace package under `root`, sorted by folder (relative, with `/`). Takes the two
 * forms this workspace uses, `folder/*` and `folder`; refuses any other, rather than missing it.
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function workspacePackages(root) {
  const { packages: globs = [] } = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'));
  /** @type {string[]} */
  const dirs = [];
  for (const glob of /** @type {string[]} */ (globs)) {
    if (/^[\w.-]+\/\*$/.test(glob)) {
      const parent = glob.slice(0, -2);
      if (!existsSync(join(root, parent))) continue;
      for (const name of readdirSync(join(root, parent))) dirs.push(`${parent}/${name}`);
    } else if (/^[\w.-]+(\/[\w.-]+)*$/.test(glob)) {
      dirs.push(glob);
    } else {
      throw new Error(`pnpm-workspace.yaml: a package glob the checks cannot read: ${glob}`);
    }
  }
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .sort()
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')),
    }));
}

/**
 * The packages a release publishes: every workspace package that is not private.
 * @param {string} root
 */
export function publicPackages(root) {
  return workspacePackages(root).filter(({ manifest }) => manifest.private !== true);
}
