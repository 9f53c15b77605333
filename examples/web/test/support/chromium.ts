// Launches a Chromium through playwright-core (which downloads no browser of its own). Which one:
//   1. CHROMIUM_PATH, when set: that binary, or an error naming it;
//   2. a system Chrome/Chromium, when one is installed;
//   3. otherwise the headless Chromium shipped inside the `@sparticuz/chromium` dev dependency,
//      so `pnpm install && pnpm test` works on a machine with only Node and npm.
// CHROMIUM_SOURCE=npm skips 1 and 2 (to prove the bare-machine path on a machine with a Chrome).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Where Debian, Ubuntu, Fedora and Google's packages put the binary.
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

// Headless, no GPU, and nothing that phones home: the machine has no internet.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumChoice =
  | { source: 'CHROMIUM_PATH' | 'system'; path: string }
  | { source: 'npm'; path?: undefined };

/**
 * Picks a Chromium from the environment and the file system (both passed in, so the rule is
 * tested without touching either). Throws when CHROMIUM_PATH names a file that is not there.
 */
export function pickChromium(
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean = existsSync,
): ChromiumChoice {
  const source = env.CHROMIUM_SOURCE?.trim();
  if (source !== undefined && source !== '' && source !== 'npm') {
    throw new Error(`CHROMIUM_SOURCE must be "npm" or unset, got ${JSON.stringify(source)}`);
  }
  if (source === 'npm') return { source: 'npm' };
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit !== undefined && explicit !== '') {
    if (!exists(explicit)) {
      throw new Error(
        `Chromium not found at CHROMIUM_PATH=${explicit}: point it at a Chrome or Chromium ` +
          'binary, or unset it to use a system Chromium or the one from @sparticuz/chromium.',
      );
    }
    return { source: 'CHROMIUM_PATH', path: explicit };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => exists(path));
  return system === undefined ? { source: 'npm' } : { source: 'system', path: system };
}

/** The binary's path; the npm one is unpacked from its package on first use (into the tmp dir). */
export async function chromiumExecutable(choice: ChromiumChoice): Promise<string> {
  if (choice.path !== undefined) return choice.path;
  // Imported only here: a machine with its own Chromium never unpacks the bundled one.
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

export interface Browser {
  context: BrowserContext;
  /** Which Chromium runs, for the test log: "npm (/tmp/chromium)", "system (/usr/bin/chromium)". */
  description: string;
  close(): Promise<void>;
}

/** Starts the picked Chromium with a fresh profile. */
export async function launchChromium(
  choice: ChromiumChoice = pickChromium(process.env),
): Promise<Browser> {
  const executablePath = await chromiumExecutable(choice);
  const userDataDir = await mkdtemp(join(tmpdir(), 'example-web-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    return {
      context,
      description: `${choice.source} (${executablePath})`,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
