import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

// Unit tests of the helpers only: the benchmarks themselves run with `pnpm bench`, never here.
export default packageConfig({
  // Some start a plain server as a child process (about 1 s alone, several while CI runs every
  // package's tests at once on two cores): a bound that is never hit when the machine is healthy.
  testTimeout: 30_000,
  hookTimeout: 60_000,
});
