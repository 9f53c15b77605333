import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests of the helpers only: the benchmarks themselves run with `pnpm bench`, never here.
    include: ['test/**/*.test.ts'],
    // The JSON report is a turbo output, like every package's.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
