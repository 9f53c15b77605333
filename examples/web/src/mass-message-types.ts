import type { MassMessageType } from '@ofauth-mass-messages/client';

/**
 * The `type` filter's choices. The client only exports the union type, so the values are listed
 * here and checked against it: a status added to the spec's enum fails the typecheck below
 * until it is added to this list.
 */
export const MASS_MESSAGE_TYPES = [
  'sent',
  'unsent',
  'scheduled',
] as const satisfies readonly MassMessageType[];

type Missing = Exclude<MassMessageType, (typeof MASS_MESSAGE_TYPES)[number]>;
// Compiles only while every MassMessageType is listed.
export const EVERY_TYPE_LISTED: [Missing] extends [never] ? true : never = true;
