// The mock server the matrix runs against, imported in this one place.
export { type MockServer, startMockServer } from '@ofauth-mass-messages/mock-server';
