// @ts-check
// `pnpm dev` for the client: regenerates src/generated/ in-process whenever the spec's dev
// watcher rewrites the bundle, and keeps `tsc --watch` compiling dist/ (what the workspace's
// consumers import). One long-lived process instead of a turbo task per save: a save reaches the
// compiled types in about a second, not the several seconds of starting pnpm, node and tsc anew.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, resolveSpecPath } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const specPath = resolveSpecPath();

async function regenerate() {
  const started = performance.now();
  try {
    await generate({ specPath });
    console.log(`client: regenerated in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    // A bundle that cannot be generated from: say why, keep the last good types, keep watching.
    console.error(`client: not regenerated: ${error instanceof Error ? error.message : error}`);
  }
}

await regenerate();
const tsc = spawn(
  process.execPath,
  [
    createRequire(import.meta.url).resolve('typescript/bin/tsc'),
    '-p',
    'tsconfig.build.json',
    '--watch',
    '--preserveWatchOutput',
  ],
  { cwd: root, stdio: 'inherit' },
);
// The spec's watcher replaces the bundle by renaming a finished file over it: watch the folder.
/** @type {NodeJS.Timeout | undefined} */
let timer;
const watcher = watch(dirname(specPath), (_event, name) => {
  if (name !== basename(specPath)) return;
  clearTimeout(timer);
  timer = setTimeout(regenerate, 20);
});
const stop = () => {
  watcher.close();
  tsc.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
tsc.on('exit', (code) => process.exit(code ?? 1));
