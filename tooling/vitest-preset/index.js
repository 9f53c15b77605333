// The one vitest preset every package's vitest.config.ts starts from: where tests live, which of
// the two test tiers a run takes, and the JSON report that .ci/run sums into its last line
// ("N passed, N failed"). A package states only what differs (timeouts, type tests, extra
// reporters) and says why there. Plain JavaScript, so that vitest loads it from node_modules
// without a build.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import { REPORTS } from './reports.js';

export { REPORTS };

/**
 * The second tier is every `test/**\/*.e2e.test.ts` file (suites that copy the repository, pack
 * it, or drive a browser), run by a package's `test:e2e` script, `vitest run --mode e2e`. The
 * first tier (`vitest run`, the `test` script) is every other test file. A file changes tier by
 * its name alone.
 */
export const E2E_MODE = 'e2e';
const E2E_FILES = 'test/**/*.e2e.test.ts';

/** @param {unknown} value */
const asObject = (value) => (typeof value === 'object' && value !== null ? value : {});

const preset = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, E2E_FILES],
    reporters: ['default', 'json'],
    outputFile: { json: REPORTS.unit },
  },
  plugins: [
    {
      // Vite's mode is known only while the config resolves, so the tier is picked in a config
      // hook. Assigned, not merged: merging would append to the include and exclude lists.
      name: 'ofauth-test-tier',
      config(config, { mode }) {
        if (mode !== E2E_MODE || !config.test) return;
        config.test.include = [E2E_FILES];
        config.test.exclude = [...configDefaults.exclude];
        config.test.outputFile = { ...asObject(config.test.outputFile), json: REPORTS.e2e };
        // Type tests belong to the first tier: tsc over the same files again would only cost time.
        config.test.typecheck = { ...asObject(config.test.typecheck), enabled: false };
      },
    },
  ],
});

/**
 * Type tests (`test/**\/*.test-d.ts`, expectTypeOf and `@ts-expect-error`) run through tsc as
 * part of `vitest run`: `packageConfig({ typecheck: typeTests })`.
 */
export const typeTests = {
  enabled: true,
  include: ['test/**/*.test-d.ts'],
  tsconfig: './tsconfig.json',
};

/** @param {import('vitest/config').ViteUserConfig['test']} [test] */
export function packageConfig(test = {}) {
  return mergeConfig(preset, defineConfig({ test }));
}
