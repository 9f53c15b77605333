// The types of the records the dataset serves: the spec's own models (openapi-typescript's, from
// the same bundle, generated at build into src/generated/schema.ts), looked up by operationId and
// item array through the operations table. Nothing here is written per field: a field the spec
// gains, loses or changes changes these types with it. An operation or schema the spec no longer
// has makes its type a plain record, never a compile error.
import { operations as table } from '@ofauth-mass-messages/spec/operations';
import type { components, operations as Operations } from '../generated/schema.js';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The 200 body of an operation, by operationId, as the spec's models type it. */
export type BodyOf<Id extends string> = Id extends keyof Operations
  ? Operations[Id] extends { responses: { 200: infer R } }
    ? Json<R>
    : never
  : never;

type Entry<Id extends string> = Extract<(typeof table)[number], { operationId: Id }>;

/** One item of a page operation's item array (`list`, `items`), as the spec's models type it. */
export type ItemOf<Id extends string> =
  Entry<Id> extends { itemsField: infer F extends string }
    ? BodyOf<Id> extends { [K in F]: ReadonlyArray<infer I> }
      ? I
      : Record<string, unknown>
    : Record<string, unknown>;

/** A component schema's model, by name; a plain record once the spec has no such schema. */
export type SchemaModel<Name extends string> = Name extends keyof components['schemas']
  ? components['schemas'][Name]
  : Record<string, unknown>;

type TypeRule = Extract<Entry<'listMassMessages'>['query'][number], { name: 'type' }>;

/** The `type` filter of listMassMessages, as the spec's operations table has it. */
export type MassMessageType = TypeRule extends { enum: readonly (infer V)[] } ? V : string;

/** The values of that filter, from the table (a new enum value in the spec reaches the dataset). */
export const MASS_MESSAGE_TYPES = (table
  .find((op) => op.operationId === 'listMassMessages')
  ?.query.find((rule) => rule.name === 'type')?.enum ?? []) as readonly MassMessageType[];

/** An item of `listMassMessages`. */
export type MassMessageRecord = ItemOf<'listMassMessages'>;
/** An item of `listPurchasedMassMessages`. */
export type PurchasedMassMessageRecord = ItemOf<'listPurchasedMassMessages'>;
/** A media item of either. */
export type MediaRecord = SchemaModel<'Media'>;
/** A release form of a media item. */
export type ReleaseFormRecord = SchemaModel<'ReleaseForm'>;

export interface Dataset {
  seed: number;
  /** Each type's mass messages in the order the API lists them (newest first). */
  massMessages: Record<string, MassMessageRecord[]> & Record<MassMessageType, MassMessageRecord[]>;
  /** Purchased mass messages, newest first. */
  purchased: PurchasedMassMessageRecord[];
}
