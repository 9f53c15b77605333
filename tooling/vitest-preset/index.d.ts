import type { ViteUserConfig } from 'vitest/config';

/** A package's vitest config: the shared preset with `test` options merged over it. */
export declare function packageConfig(test?: ViteUserConfig['test']): ViteUserConfig;

/** Type tests (`*.test-d.ts` under test/) run through tsc as part of `vitest run`. */
export declare const typeTests: {
  enabled: true;
  include: string[];
  tsconfig: string;
};
