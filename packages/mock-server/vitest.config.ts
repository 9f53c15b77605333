import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // Server tests page whole datasets over HTTP and start the CLI in child processes; CI runs
  // every package's tests at once on two cores: generous bounds, never hit when healthy.
  testTimeout: 90_000,
  hookTimeout: 120_000,
});
