// The `type` filter's choices: the client's runtime copy of the spec's enum, so a status added to
// the spec appears in the dropdown without a second list here.
export { massMessageTypes as MASS_MESSAGE_TYPES } from '@ofauth-mass-messages/client';
