import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig({
  // Type tests (`*.test-d.ts`) run through tsc as part of `vitest run`.
  typecheck: {
    enabled: true,
    include: ['test/**/*.test-d.ts'],
    tsconfig: './tsconfig.json',
  },
  // Integration tests start the mock server: give them time on a busy machine.
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
