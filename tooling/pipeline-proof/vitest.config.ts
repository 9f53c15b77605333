import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // Each file builds whole copies of the workspace: give them time, and run them one at a time
  // so they do not fight over the machine's two cores.
  testTimeout: 600_000,
  hookTimeout: 600_000,
  fileParallelism: false,
});
