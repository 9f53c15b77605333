import type { ViteUserConfig } from 'vitest/config';

/** A package's vitest config: the shared preset with `test` options merged over it. */
export declare function packageConfig(test?: ViteUserConfig['test']): ViteUserConfig;

/** The vitest mode (`vitest run --mode e2e`) that runs the second tier, `test/**\/*.e2e.test.ts`. */
export declare const E2E_MODE: 'e2e';

export { REPORTS } from './reports.js';

/** Type tests (`*.test-d.ts` under test/) run through tsc as part of `vitest run`. */
export declare const typeTests: {
  enabled: true;
  include: string[];
  tsconfig: string;
};
