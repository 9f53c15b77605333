import { packageConfig } from './index.js';

export default packageConfig({
  // Each test starts vitest itself on a made-up package: seconds on a busy machine.
  testTimeout: 60_000,
});
