// A seeded, fixed set of records for dataset mode: the same options give the same records, so
// tests can compare what the mock serves with what it should serve.
import { DEFAULT_DATASET_SEED, DEFAULT_DATASET_SIZE } from '../core/options.js';
import { createMedia, isoDate } from './media.js';
import { createRandom, type Random } from './random.js';
import {
  type Dataset,
  MASS_MESSAGE_TYPES,
  type MassMessageRecord,
  type MediaRecord,
  type PurchasedMassMessageRecord,
} from './records.js';
import { createPrice, createText } from './text.js';

export interface DatasetOptions {
  seed?: number;
  /** How many mass messages, across the three types (default 137). */
  massMessages?: number;
  /** How many purchased mass messages (default 250). */
  purchased?: number;
  /** The values of listMassMessages' `type` filter (default: the spec's, from the table). */
  types?: readonly string[];
  /**
   * The "now" of the dataset: sent messages lie before it, scheduled ones after. Fixed by default
   * (not the clock) so that a seed gives the same dates on any day.
   */
  now?: Date;
}

export const DEFAULT_DATASET_NOW = new Date('2026-11-21T09:00:00Z');

/** How the mass messages split across types: the rest after these is shared by the others. */
const TYPE_SHARES: Record<string, number> = { sent: 0.6, scheduled: 0.25 };

const CREATOR = { id: 318_275_641, name: 'Mia Laurent' };
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Records per type: the shares above, then the rest split evenly over the other types. */
function splitByType(total: number, types: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  let left = total;
  for (const type of types) {
    const share = TYPE_SHARES[type];
    if (share !== undefined) left -= counts[type] = Math.min(left, Math.round(total * share));
  }
  const others = types.filter((type) => TYPE_SHARES[type] === undefined);
  others.forEach((type, index) => {
    counts[type] = Math.floor(left / others.length) + (index < left % others.length ? 1 : 0);
  });
  if (others.length === 0 && types[0] !== undefined)
    counts[types[0]] = (counts[types[0]] ?? 0) + left;
  return counts;
}

class IdSource {
  private message = 2_954_107_733;
  private media = 3_811_920_455;
  private form = 90_211;
  private queue = 77_120_934;
  /** Message ids go down as messages get older, like the API's. */
  nextMessage = () => this.message--;
  nextMedia = () => this.media++;
  nextForm = () => this.form++;
  nextQueue = () => this.queue++;
}

function mediaList(random: Random, ids: IdSource, dateMs: number, max: number): MediaRecord[] {
  return Array.from({ length: random.int(0, max) }, () =>
    createMedia(random, ids.nextMedia(), dateMs, ids.nextForm),
  );
}

function createMassMessage(
  random: Random,
  ids: IdSource,
  type: string,
  dateMs: number,
): MassMessageRecord {
  const { text, rawText } = createText(random);
  const media = mediaList(random, ids, dateMs, 3);
  const isFree = media.length === 0 || random.chance(0.2);
  const sent = type === 'sent';
  const sentCount = sent ? random.int(200, 5_000) : 0;
  const viewedCount = sent ? random.int(0, sentCount) : 0;
  const counts = { photo: 0, video: 0, gif: 0, audio: 0 };
  for (const item of media) counts[item.type] += 1;
  const record: MassMessageRecord = {
    id: ids.nextMessage(),
    text,
    fromUser: random.chance(0.85) ? { ...CREATOR } : { id: CREATOR.id, _view: 's' },
    media,
    previews: media.filter(() => random.chance(0.3)).map((item) => item.id),
    date: isoDate(dateMs),
    createdAt: isoDate(dateMs - random.int(1, 120) * MINUTE),
    price: isFree ? '0.00' : createPrice(random),
    isFree,
    mediaCount: media.length,
    mediaTypes: counts,
    isMediaReady: media.every((item) => item.isReady),
    isFromQueue: !sent || random.chance(0.5),
    giphyId: random.chance(0.1) ? `g${random.int(10_000_000, 99_999_999)}` : null,
    sentCount,
    viewedCount,
    canUnsend: sent,
    isCanceled: false,
    hasError: false,
  };
  // Optional fields the API leaves out now and then.
  if (random.chance(0.8)) record.textCropped = rawText.slice(0, 60);
  if (sent && !isFree) record.purchasedCount = random.int(0, viewedCount);
  if (record.isFromQueue) {
    record.queueId = ids.nextQueue();
    record.canUnsendQueue = !sent;
  }
  if (random.chance(0.5)) record.releaseForms = random.chance(0.5) ? null : [];
  return record;
}

function createPurchased(
  random: Random,
  ids: IdSource,
  dateMs: number,
): PurchasedMassMessageRecord {
  const { text, rawText, template } = createText(random);
  const media = mediaList(random, ids, dateMs, 3);
  if (media.length === 0) media.push(createMedia(random, ids.nextMedia(), dateMs, ids.nextForm));
  const sentCount = random.int(200, 5_000);
  const record: PurchasedMassMessageRecord = {
    id: ids.nextMessage(),
    date: isoDate(dateMs),
    text,
    media,
    previews: media.filter(() => random.chance(0.3)),
    releaseForms: media.flatMap((item) => item.releaseForms),
    price: createPrice(random),
    purchasedCount: random.int(1, 400),
    sentCount,
    viewedCount: random.int(0, sentCount),
    mediaCount: media.length,
  };
  if (random.chance(0.7)) record.rawText = rawText;
  if (random.chance(0.5)) record.template = template;
  if (random.chance(0.6)) record.giphyId = null;
  return record;
}

/** The dataset for a seed: `createDataset({ seed: 1, massMessages: 137, purchased: 250 })`. */
export function createDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  const now = (options.now ?? DEFAULT_DATASET_NOW).getTime();
  const random = createRandom(seed);
  const ids = new IdSource();
  const types = options.types ?? MASS_MESSAGE_TYPES;
  const perType = splitByType(options.massMessages ?? DEFAULT_DATASET_SIZE.massMessages, types);

  const massMessages = {} as Dataset['massMessages'];
  for (const type of types) {
    const count = perType[type] ?? 0;
    // Newest first: sent ones go back in time from now, queued (unsent) ones are minutes old,
    // scheduled ones lie ahead, the furthest first.
    let cursor = type === 'scheduled' ? now + (count + 1) * DAY : now - random.int(1, 60) * MINUTE;
    (massMessages as Record<string, MassMessageRecord[]>)[type] = Array.from(
      { length: count },
      () => {
        // Scheduled steps stay under a day so that the last one is still after now.
        const hours = type === 'scheduled' ? random.int(2, 24) : random.int(2, 36);
        cursor -= type === 'unsent' ? random.int(1, 30) * MINUTE : hours * 3_600_000;
        return createMassMessage(random, ids, type, cursor);
      },
    );
  }

  let cursor = now;
  const purchased = Array.from(
    { length: options.purchased ?? DEFAULT_DATASET_SIZE.purchased },
    () => {
      cursor -= random.int(2, 30) * 3_600_000;
      return createPurchased(random, ids, cursor);
    },
  );
  return { seed, massMessages, purchased };
}
