// The command line of the Prism child for each mode. Kept apart from spawning so that what
// Prism is asked to do can be read (and tested) in one place.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MockMode } from '../options.js';

const require = createRequire(import.meta.url);

/** Prism's own CLI entry (its `bin`), run with the current Node. */
export function prismCliPath(): string {
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = require(manifestPath) as { bin: Record<string, string> };
  const bin = manifest.bin.prism;
  if (!bin) throw new Error('@stoplight/prism-cli declares no "prism" bin');
  return fileURLToPath(new URL(bin, pathToFileURL(manifestPath)));
}

/** Modules preloaded into the child: `child/` at the package root, two levels up from src/prism or dist/prism. */
export function preloadUrls(): string[] {
  return ['exit-with-parent.js', 'report-port.js', 'seed-faker.js'].map(
    (file) => new URL(`../../child/${file}`, import.meta.url).href,
  );
}

export interface PrismCommand {
  mode: MockMode;
  /** The document Prism serves (mock view) or validates against (dataset). */
  document: string;
  host: string;
  port: number;
  seed: number | undefined;
  /** dataset mode: where Prism forwards valid requests. */
  upstream?: string;
  /** Prism's per-request log (`info`); otherwise only warnings and errors (`warn`), and faster. */
  verbose?: boolean;
}

/** The arguments after `node`: preloads, Prism's CLI, then Prism's own arguments. */
export function prismArguments(command: PrismCommand): string[] {
  const { mode, document, host, port, seed, upstream, verbose = true } = command;
  const common = [
    '--host',
    host,
    '--port',
    String(port),
    // Response violations become 500s instead of a header nobody reads: what the mock serves
    // always matches the spec.
    '--errors',
    // `info` prints a block per request; each line costs Prism a parse and a format.
    '--verboseLevel',
    verbose ? 'info' : 'warn',
  ];
  let prism: string[];
  if (mode === 'dataset') {
    if (!upstream) throw new Error('dataset mode needs the upstream URL of the dataset server');
    prism = ['proxy', document, upstream, ...common];
  } else {
    prism = ['mock', document, ...common];
    if (mode === 'dynamic') {
      prism.push('--dynamic');
      if (seed !== undefined) prism.push('--seed', String(seed));
    }
  }
  const preloads = preloadUrls().flatMap((url) => ['--import', url]);
  return [...preloads, prismCliPath(), ...prism];
}
