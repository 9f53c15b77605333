import { packageConfig, typeTests } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  typecheck: typeTests,
  // The regeneration test generates and type-checks two copies of the client: slow on a busy
  // machine.
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
