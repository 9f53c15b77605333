// The mock server the proxy's tests run against, imported in this one place.
export { type MockServer, startMockServer } from '@ofauth-mass-messages/mock-server';
