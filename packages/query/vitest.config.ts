import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // Type tests (`*.test-d.ts`) run through tsc as part of `vitest run`.
  typecheck: {
    enabled: true,
    include: ['test/**/*.test-d.ts'],
    tsconfig: './tsconfig.json',
  },
  // The mock tests page whole datasets over HTTP; CI runs every package at once on two cores.
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
