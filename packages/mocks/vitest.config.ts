import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // Server tests start Prism in-process and page whole datasets over HTTP; CI runs every
  // package's tests at once on two cores: generous bounds, never hit when healthy.
  testTimeout: 90_000,
  hookTimeout: 120_000,
});
