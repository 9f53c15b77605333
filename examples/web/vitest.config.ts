import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // The browser test builds the app twice and drives Chromium: seconds, not milliseconds.
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
