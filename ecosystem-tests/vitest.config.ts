import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // The matrix starts the mock, four runtimes and a Next.js production build (about half a minute
  // here): one file at a time, with room on a busy machine.
  testTimeout: 120_000,
  hookTimeout: 240_000,
  fileParallelism: false,
});
