// @ts-check
// The one place the pipeline proof names the package that starts the mock server: every probe,
// and every test that starts a scratch copy's mock, imports startMockServer from here.
export { startMockServer } from '@ofauth-mass-messages/mock-server';
