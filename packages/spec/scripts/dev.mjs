// @ts-check
// `pnpm dev` for the spec: re-bundles openapi.yaml on every save and rewrites the operations
// table, in well under a second, so that the client's and the mock's own watchers (which watch
// dist/openapi.json) regenerate and restart from it. Running the whole `build` task again would
// also re-run tsc and two CLI starts per save: seconds, for sources that did not change.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeOperations } from './write-operations.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));

/** `redocly bundle` into a temporary file, then renamed: watchers never read half a bundle. */
function bundle(format) {
  const target = `dist/openapi.${format}`;
  return new Promise((resolve, reject) => {
    const child = spawn(redocly, ['bundle', 'openapi.yaml', '-o', `${target}.partial.${format}`], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? rename(`${root}/${target}.partial.${format}`, `${root}/${target}`).then(resolve, reject)
        : // Redocly prints a banner before the problem; keep what follows "bundling …".
          reject(
            new Error(
              errors
                .split(/bundling .*\n/)
                .pop()
                ?.trim() || `exit code ${code}`,
            ),
          ),
    );
  });
}

let running = false;
let again = false;

async function rebuild() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const started = performance.now();
  try {
    // The JSON bundle (what the client and the mock watch), then the table from it.
    const ids = await bundle('json').then(writeOperations);
    const ms = Math.round(performance.now() - started);
    console.log(`spec: rebundled in ${ms} ms (${ids.join(', ')})`);
  } catch (error) {
    // A save with a mistake in it: say what, keep watching, serve the last good bundle.
    console.error(`spec: not rebundled: ${error instanceof Error ? error.message : error}`);
  } finally {
    running = false;
    if (again) {
      again = false;
      void rebuild();
    }
  }
}

// Editors save by rename or by truncate-and-write: watch the folder, react to the file's name,
// and let a burst of events settle for a moment.
let timer;
watch(root, (_event, name) => {
  if (name !== 'openapi.yaml') return;
  clearTimeout(timer);
  timer = setTimeout(rebuild, 30);
});
console.log('spec: watching openapi.yaml');
