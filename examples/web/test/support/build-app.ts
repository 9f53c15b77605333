// Builds the app with Vite for a given mock server, into a temporary folder.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

export const APP_ROOT = new URL('../..', import.meta.url).pathname;

/** `vite build` with VITE_* settings; returns the output folder. */
export async function buildApp(env: Record<string, string>): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'example-web-build-'));
  // Vite reads VITE_* from process.env while it resolves the config: set them for this build only.
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    await build({
      root: APP_ROOT,
      configFile: join(APP_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return outDir;
}
