import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // The rehearsal builds, publishes and installs the whole workspace twice: minutes, not
  // seconds. Its steps run in order, each on what the one before published.
  testTimeout: 600_000,
  hookTimeout: 600_000,
});
