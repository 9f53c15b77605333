import { packageConfig, typeTests } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  typecheck: typeTests,
  // Integration tests start the mock server: give them time on a busy machine.
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
