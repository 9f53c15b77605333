import type { ViteUserConfig } from 'vitest/config';

/** A package's vitest config: the shared preset with `test` options merged over it. */
export declare function packageConfig(test?: ViteUserConfig['test']): ViteUserConfig;
