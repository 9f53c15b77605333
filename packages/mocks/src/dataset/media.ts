// Media items and release forms of dataset records made realistic: CDN-like URLs that follow the
// media id and type, plausible sizes and durations, a signed release now and then. Each value is a
// proposal through the record's schema (fields.ts): where the spec changes a field, the
// generated value stays.
import type { Fields } from './fields.js';
import type { Random } from './random.js';

const CDN = 'https://cdn.example-media.net';

const FORM_NAMES = ['Studio shoot release', 'Collab release', 'Model release', 'Location release'];
const PEOPLE = [
  ['Jade Rivers', 'jaderivers'],
  ['Nora Vance', 'noravance'],
  ['Leo Marchetti', 'leomarchetti'],
  ['Ava Sinclair', 'avasinclair'],
] as const;
/** How often each media type comes up; a type the spec adds comes up like gifs. */
const TYPE_WEIGHTS: Record<string, number> = { photo: 3, video: 2, gif: 1, audio: 1 };
const EXTENSIONS: Record<string, string> = { video: 'mp4', audio: 'mp3', gif: 'gif' };
const MIME: Record<string, string> = { video: 'video/mp4', gif: 'image/gif', audio: 'audio/mpeg' };
const SIZES = [
  [2048, 1365],
  [1080, 1920],
  [1920, 1080],
  [1440, 1440],
] as const;

/** The ids a set hands out, each kind counting on its own, so that none repeats in the set. */
export interface IdSource {
  message(): number;
  media(): number;
  form(): number;
  queue(): number;
  person(): number;
}

/** ISO 8601 with a `+00:00` offset and no fraction, as the API writes dates. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** A value of the schema's enum for `type`, weighted (a value the spec adds: as often as a gif). */
function pickType(media: Fields, random: Random): unknown {
  const options = media.enumOf('type') ?? Object.keys(TYPE_WEIGHTS);
  const weighted = options.flatMap((type) => Array(TYPE_WEIGHTS[String(type)] ?? 1).fill(type));
  return weighted.length > 0 ? random.pick(weighted) : media.value.type;
}

/** A release form made realistic; a signed person (the optional `user`) seven times in ten. */
function realizeForm(form: Fields, random: Random, ids: IdSource): void {
  form.propose('id', ids.form());
  form.propose('name', random.pick(FORM_NAMES));
  form.propose('partnerSource', random.pick(['upload', 'partner']));
  form.propose('type', 'document');
  if (!random.chance(0.7)) {
    form.drop('user');
    return;
  }
  const user = form.nested('user', true);
  if (!user) return;
  const [name, username] = random.pick(PEOPLE);
  const id = ids.person();
  user.propose('view', 's');
  user.propose('id', id);
  user.propose('name', name);
  user.propose('username', username);
  user.propose('isVerified', random.chance(0.8));
  user.propose('avatar', `${CDN}/avatars/${id}/avatar.jpg`);
  const thumbs = user.nested('avatarThumbs', true);
  thumbs?.propose('c50', `${CDN}/avatars/${id}/c50.jpg`);
  thumbs?.propose('c144', `${CDN}/avatars/${id}/c144.jpg`);
  user.propose('ivStatus', random.pick(['approved', 'pending']));
  user.propose('isFromGuest', false);
}

/** One media item made realistic, created shortly before `beforeMs`. */
export function realizeMedia(media: Fields, random: Random, ids: IdSource, beforeMs: number): void {
  const id = ids.media();
  media.propose('id', id);
  const type = pickType(media, random);
  media.propose('type', type);
  const kind = String(media.value.type);
  media.propose('convertedToVideo', kind === 'gif' && random.chance(0.5));
  media.propose('canView', true);
  media.propose('hasError', false);
  media.propose('isReady', random.chance(0.95));
  media.propose('createdAt', isoDate(beforeMs - random.int(60, 3 * 86_400) * 1000));
  media.refine('hasCustomPreview', () => random.chance(0.2));
  const forms = random.chance(0.3) ? 1 : 0;
  const formSchema = media.itemSchema('releaseForms');
  const made =
    formSchema === undefined
      ? []
      : Array.from({ length: forms }, () => media.fakeObject(formSchema));
  if (
    media.propose(
      'releaseForms',
      made.filter((form) => form !== undefined),
    )
  ) {
    for (const form of media.items('releaseForms')) realizeForm(form, random, ids);
  }
  const base = `${CDN}/files/${id}`;
  const timed = kind === 'video' || kind === 'audio';
  if (timed) media.propose('duration', random.int(5, 900));
  else media.drop('duration');
  if (kind === 'video') {
    media.propose('videoSources', {
      '240': `${base}/240p.mp4`,
      '720': random.chance(0.8) ? `${base}/720p.mp4` : null,
    });
  } else media.drop('videoSources');
  realizeFiles(media, random, base, kind);
}

/** The files of a media item: URLs under its id, sizes that fit its shape. */
function realizeFiles(media: Fields, random: Random, base: string, kind: string): void {
  const files = media.nested('files', true);
  if (!files) return;
  const extension = EXTENSIONS[kind] ?? 'jpg';
  const full = files.nested('full', true);
  full?.propose('url', `${base}/full.${extension}`);
  if (kind === 'audio') {
    full?.propose('sources', []);
    for (const name of ['width', 'height', 'size']) full?.drop(name);
    for (const name of ['thumb', 'preview', 'squarePreview']) files.drop(name);
    return;
  }
  const [width, height] = random.pick(SIZES);
  full?.propose('width', width);
  full?.propose('height', height);
  full?.propose('size', random.int(200_000, 40_000_000));
  for (const source of full?.items('sources') ?? []) {
    source.propose('url', `${base}/1080.${extension}`);
    source.propose('width', Math.round(width * 0.75));
    source.propose('height', Math.round(height * 0.75));
    source.propose('type', MIME[kind] ?? 'image/jpeg');
  }
  const thumb = files.nested('thumb', true);
  thumb?.propose('url', `${base}/thumb.jpg`);
  thumb?.propose('width', 300);
  thumb?.propose('height', 200);
  thumb?.propose('size', random.int(8_000, 40_000));
  const preview = files.nested('preview');
  preview?.propose('url', `${base}/preview.jpg`);
  preview?.propose('width', 960);
  preview?.propose('height', 640);
  for (const option of preview?.items('options') ?? []) {
    option.propose('url', `${base}/preview-480.jpg`);
    option.propose('width', 480);
    option.propose('height', 320);
    option.propose('type', 'image/jpeg');
  }
  const square = files.nested('squarePreview');
  square?.propose('url', `${base}/square.jpg`);
  square?.propose('width', 480);
  square?.propose('height', 480);
}
