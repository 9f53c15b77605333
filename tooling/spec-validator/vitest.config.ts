import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

export default packageConfig();
