// The mock server the proxy's newer tests run against, imported in this one place: the server is
// moving to a package of its own, and this line is all that move changes here.
export { type MockServer, startMockServer } from '@ofauth-mass-messages/mocks';
