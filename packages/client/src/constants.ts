// Runtime values of the spec's enums, read from the generated table, so that apps (a filter
// dropdown, say) never keep a second hand-written list. Tree-shaken when unused.
import { operations } from './generated/operations.js';
import type { MassMessageType } from './types.js';

/** The `type` filter's values of `listMassMessages`, in the spec's order. */
export const massMessageTypes: readonly MassMessageType[] =
  operations.listMassMessages.params.type.enum;
