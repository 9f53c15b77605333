// Media items and release forms of dataset records: CDN-like URLs, plausible sizes.
import type { Random } from './random.js';
import type { MediaRecord, ReleaseFormRecord } from './records.js';

const CDN = 'https://cdn.example-media.net';

const FORM_NAMES = ['Studio shoot release', 'Collab release', 'Model release', 'Location release'];
const PEOPLE = [
  ['Jade Rivers', 'jaderivers'],
  ['Nora Vance', 'noravance'],
  ['Leo Marchetti', 'leomarchetti'],
  ['Ava Sinclair', 'avasinclair'],
] as const;

/** ISO 8601 with a `+00:00` offset and no fraction, as the API writes dates. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function createReleaseForm(random: Random, id: number): ReleaseFormRecord {
  const form: ReleaseFormRecord = {
    id,
    name: random.pick(FORM_NAMES),
    partnerSource: random.pick(['upload', 'partner']),
    type: 'document',
  };
  if (random.chance(0.7)) {
    const [name, username] = random.pick(PEOPLE);
    const userId = random.int(400_000_000, 499_999_999);
    form.user = {
      view: 's',
      id: userId,
      name,
      username,
      isVerified: random.chance(0.8),
      avatar: `${CDN}/avatars/${userId}/avatar.jpg`,
      avatarThumbs: {
        c50: `${CDN}/avatars/${userId}/c50.jpg`,
        c144: `${CDN}/avatars/${userId}/c144.jpg`,
      },
      ivStatus: random.pick(['approved', 'pending']),
      isFromGuest: false,
    };
  }
  return form;
}

/** One media item created shortly before `beforeMs`; ids come from the caller so they stay unique. */
export function createMedia(
  random: Random,
  id: number,
  beforeMs: number,
  nextFormId: () => number,
): MediaRecord {
  const type = random.pick(['photo', 'photo', 'photo', 'video', 'video', 'gif', 'audio'] as const);
  const base = `${CDN}/files/${id}`;
  const isVideo = type === 'video';
  const extension = isVideo ? 'mp4' : type === 'audio' ? 'mp3' : type === 'gif' ? 'gif' : 'jpg';
  const media: MediaRecord = {
    id,
    type,
    convertedToVideo: type === 'gif' && random.chance(0.5),
    canView: true,
    hasError: false,
    isReady: random.chance(0.95),
    createdAt: isoDate(beforeMs - random.int(60, 3 * 86_400) * 1000),
    releaseForms: random.chance(0.3) ? [createReleaseForm(random, nextFormId())] : [],
    hasCustomPreview: random.chance(0.2),
  };
  if (isVideo || type === 'audio') media.duration = random.int(5, 900);
  if (isVideo) {
    media.videoSources = {
      '240': `${base}/240p.mp4`,
      '720': random.chance(0.8) ? `${base}/720p.mp4` : null,
    };
  }
  if (type !== 'audio') {
    const [width, height] = random.pick([
      [2048, 1365],
      [1080, 1920],
      [1920, 1080],
      [1440, 1440],
    ] as const);
    media.files = {
      full: {
        url: `${base}/full.${extension}`,
        width,
        height,
        size: random.int(200_000, 40_000_000),
        sources: [
          {
            url: `${base}/1080.${extension}`,
            width: Math.round(width * 0.75),
            height: Math.round(height * 0.75),
            type: isVideo ? 'video/mp4' : type === 'gif' ? 'image/gif' : 'image/jpeg',
          },
        ],
      },
      thumb: { url: `${base}/thumb.jpg`, width: 300, height: 200, size: random.int(8_000, 40_000) },
      preview: {
        url: `${base}/preview.jpg`,
        width: 960,
        height: 640,
        options: [{ url: `${base}/preview-480.jpg`, width: 480, height: 320, type: 'image/jpeg' }],
      },
      squarePreview: { url: `${base}/square.jpg`, width: 480, height: 480 },
    };
  } else {
    media.files = { full: { url: `${base}/full.mp3`, sources: [] } };
  }
  return media;
}
