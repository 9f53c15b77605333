import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Type tests (`*.test-d.ts`) run through tsc as part of `vitest run`.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    // The mock (Prism) starts in integration tests: give it time on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report is a turbo output; .ci/run sums every package's into its last line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
