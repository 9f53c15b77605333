import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

// Unit tests of the helpers only: the benchmarks themselves run with `pnpm bench`, never here.
export default packageConfig();
