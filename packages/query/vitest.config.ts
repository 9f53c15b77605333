import { packageConfig, typeTests } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  typecheck: typeTests,
  // The mock tests page whole datasets over HTTP; CI runs every package at once on two cores.
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
