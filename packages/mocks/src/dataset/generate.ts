// Dataset mode's records: a seeded, fixed set per operation and filter, so that tests can compare
// what the mock serves with what it should serve. Each record is generated from the operation's
// item schema (schema-faker.ts: the spec decides which fields exist and what they may hold), then
// made realistic where this file knows a field by its name: ids that do not repeat, dates newest
// first (scheduled ones ahead), texts, prices ("0.00" when free), counts that agree with each
// other and with the media (media.ts). Every such value is only a proposal (fields.ts): it lands
// where the schema has the field and accepts the value, so no edit of the spec needs one here.
import { objectShape } from '@ofauth-mass-messages/spec';
import type { PageOperation } from '@ofauth-mass-messages/spec/operations';
import { type DatasetSize, DEFAULT_DATASET_SEED } from '../core/options.js';
import { own } from '../core/own.js';
import type { SpecData } from '../core/spec-data.js';
import { specData } from '../generated/spec-data.js';
import { Fields } from './fields.js';
import type { Filters } from './filters.js';
import { type IdSource, isoDate, realizeMedia } from './media.js';
import { createRandom, deriveSeed, type Random } from './random.js';
import type { Dataset, MassMessageRecord, PurchasedMassMessageRecord } from './records.js';
import { idsFor, setIndex, setSize, splitRule } from './sets.js';
import { createPrice, createText, type MessageText } from './text.js';

export const DEFAULT_DATASET_NOW = new Date('2026-11-21T09:00:00Z');

/** How dataset mode fills optional fields and nulls (less often absent than dynamic mode). */
export const DATASET_FAKER = { optional: 0.6, nulls: 0.1 };
/** Filter values whose messages are not sent yet: scheduled ones lie ahead, unsent ones queue. */
const AHEAD = new Set(['scheduled']);
const QUEUED = new Set(['unsent']);
const CREATOR = { id: 318_275_641, name: 'Mia Laurent' };
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

interface ItemContext {
  random: Random;
  ids: IdSource;
  /** The record's time: when it was sent (or is scheduled). */
  dateMs: number;
  /** Whether the message has gone out (not scheduled or queued): it has sends and views. */
  sent: boolean;
  text: MessageText;
}

/**
 * A date-like field of the item as the API writes it: `date` and fields named `…At`, or of a date
 * format. They follow the record's time, so the set is newest first and ranges select on it.
 */
function dateProposals(fields: Fields, context: ItemContext): void {
  const { random, dateMs } = context;
  const offsets: Record<string, number> = {
    date: 0,
    createdAt: -random.int(1, 120) * MINUTE,
    changedAt: random.int(1, 30) * 1000,
  };
  for (const name of Object.keys(fields.value)) {
    const offset = offsets[name] ?? (/At$/.test(name) ? 0 : undefined);
    if (offset === undefined) continue;
    const time = dateMs + offset;
    fields.propose(name, isoDate(time)) || fields.propose(name, isoDate(time).slice(0, 10));
  }
  // The record's own date, even when the faker left it out: ranges and order read it.
  if (!Object.hasOwn(fields.value, 'date')) fields.propose('date', isoDate(dateMs));
}

/** Makes a generated item realistic where its fields are known by name. */
function realizeItem(fields: Fields, context: ItemContext): void {
  const { random, ids, sent, text } = context;
  fields.propose('id', ids.message());
  fields.propose('text', text.text);
  fields.refine('rawText', () => text.rawText);
  fields.refine('template', () => text.template);
  fields.refine('textCropped', () => text.rawText.slice(0, 60));
  fields.refine('fromUser', () =>
    random.chance(0.85) ? { ...CREATOR } : { id: CREATOR.id, _view: 's' },
  );
  dateProposals(fields, context);

  // Media: realistic ones, as many as a message has (at least one where the schema says so).
  const media = fields.items('media');
  for (const item of media) realizeMedia(item, random, ids, context.dateMs);
  const list = media.map((item) => item.value);
  const previews = list.filter(() => random.chance(0.3));
  fields.propose('previews', previews) ||
    fields.propose(
      'previews',
      previews.map((m) => m.id),
    );
  const forms = list.flatMap((m) => (Array.isArray(m.releaseForms) ? m.releaseForms : []));
  fields.refine('releaseForms', () => forms) ||
    fields.refine('releaseForms', () => (random.chance(0.5) ? null : []));

  // Price and counts that agree with each other and with the media.
  const isFree = list.length === 0 || random.chance(0.2);
  if (fields.has('isFree')) fields.propose('isFree', isFree);
  const free = fields.value.isFree === true;
  fields.propose('price', free ? '0.00' : createPrice(random));
  fields.propose('mediaCount', list.length);
  const counts: Record<string, number> = { photo: 0, video: 0, gif: 0, audio: 0 };
  for (const item of list) counts[String(item.type)] = (counts[String(item.type)] ?? 0) + 1;
  fields.propose('mediaTypes', list.length === 0 && random.chance(0.5) ? null : counts) ||
    fields.propose('mediaTypes', counts);
  fields.propose(
    'isMediaReady',
    list.every((item) => item.isReady !== false),
  );
  const sentCount = sent ? random.int(200, 5_000) : 0;
  const viewedCount = sent ? random.int(0, sentCount) : 0;
  fields.propose('sentCount', sentCount);
  fields.propose('viewedCount', viewedCount);
  if (sent && !free) fields.propose('purchasedCount', random.int(1, Math.max(1, viewedCount)));
  else fields.drop('purchasedCount');
  fields.refine('canUnsend', () => sent);
  fields.refine('isCanceled', () => false);
  fields.refine('hasError', () => false);
  fields.refine('giphyId', () =>
    random.chance(0.1) ? `g${random.int(10_000_000, 99_999_999)}` : null,
  );
  fields.refine('responseType', () => 'message');
  if (fields.refine('isFromQueue', () => !sent || random.chance(0.5)) && fields.value.isFromQueue) {
    fields.propose('queueId', ids.queue());
    fields.refine('canUnsendQueue', () => !sent);
  } else {
    fields.drop('queueId');
    fields.drop('canUnsendQueue');
  }
}

/**
 * The records of one set in dataset mode: `count` items generated from the operation's item
 * schema and made realistic, newest first (scheduled ones the furthest ahead first).
 */
export function datasetRecords(
  spec: SpecData,
  operation: PageOperation,
  filters: Filters,
  seed: number,
  size: DatasetSize = {},
  now = DEFAULT_DATASET_NOW.getTime(),
): unknown[] {
  const key = JSON.stringify(filters);
  const random = createRandom(deriveSeed(seed, `${operation.operationId} ${key}`));
  const count = setSize(operation, filters, size, random);
  const ids = idsFor(setIndex(spec, operation, filters));
  const schema = own(spec.itemSchemas, operation.operationId) ?? {};
  const faker = { random, schemas: spec.schemas, ...DATASET_FAKER };
  const value = String(filters[splitRule(operation)?.name ?? ''] ?? '');
  const ahead = AHEAD.has(value);
  const queued = QUEUED.has(value);
  // Sent ones go back in time from now, queued ones are minutes old, scheduled ones lie ahead.
  let cursor = ahead ? now + (count + 1) * DAY : now - random.int(1, 60) * MINUTE;
  const shape = objectShape(schema, spec.schemas);
  return Array.from({ length: count }, () => {
    cursor -= queued
      ? random.int(1, 30) * MINUTE
      : // Scheduled steps stay under a day so that the last one is still after now.
        random.int(2, ahead ? 24 : 30) * HOUR;
    const record = new Fields({}, schema, faker).fakeObject(schema) ?? {};
    const fields = new Fields(record, schema, faker);
    if (Object.keys(shape.properties).length > 0) {
      realizeItem(fields, {
        random,
        ids,
        dateMs: cursor,
        sent: !ahead && !queued,
        text: createText(random),
      });
    }
    return fields.value;
  });
}

export interface DatasetOptions {
  seed?: number;
  /** How many mass messages, across the values of their `type` filter (default 137). */
  massMessages?: number;
  /** How many purchased mass messages (default 250). */
  purchased?: number;
  /** The spec whose records these are (default: the one this package was built with). */
  spec?: SpecData;
  /**
   * The "now" of the dataset: sent messages lie before it, scheduled ones after. Fixed by default
   * (not the clock) so that a seed gives the same dates on any day.
   */
  now?: Date;
}

/**
 * The records the dataset mock serves for a seed, for comparing with what came back:
 * `createDataset({ seed: 1, massMessages: 137, purchased: 250 })`.
 */
export function createDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  const spec = options.spec ?? specData;
  const now = (options.now ?? DEFAULT_DATASET_NOW).getTime();
  const size: DatasetSize = {};
  if (options.massMessages !== undefined) size.massMessages = options.massMessages;
  if (options.purchased !== undefined) size.purchased = options.purchased;
  const page = (id: string) =>
    spec.operations.find((op): op is PageOperation => op.operationId === id && op.kind === 'page');
  const list = page('listMassMessages');
  const purchased = page('listPurchasedMassMessages');
  const massMessages: Record<string, MassMessageRecord[]> = {};
  const rule = list && splitRule(list);
  for (const value of rule?.enum ?? []) {
    massMessages[String(value)] = datasetRecords(
      spec,
      list as PageOperation,
      { [rule?.name ?? '']: value },
      seed,
      size,
      now,
    ) as MassMessageRecord[];
  }
  return {
    seed,
    massMessages: massMessages as Dataset['massMessages'],
    purchased: purchased
      ? (datasetRecords(spec, purchased, {}, seed, size, now) as PurchasedMassMessageRecord[])
      : [],
  };
}
