// The one vitest preset every package's vitest.config.ts starts from: where tests live, and the
// JSON report that .ci/run sums into its last line ("N passed, N failed"). A package states only
// what differs (timeouts, type tests, extra reporters) and says why there. Plain JavaScript, so
// that vitest loads it from node_modules without a build.
import { defineConfig, mergeConfig } from 'vitest/config';

const preset = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report is a turbo output (`reports/**`) that .ci/run sums.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
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
