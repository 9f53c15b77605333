import { describe, expect, it } from 'vitest';
import { thumbnailsOf } from '../src/thumbnails';

const url = (name: string) => ({ url: `http://media.test/${name}.jpg` });

describe('thumbnailsOf', () => {
  it.each([
    [
      'square preview first',
      { squarePreview: url('sq'), thumb: url('th'), preview: url('pr') },
      url('sq').url,
    ],
    ['then thumb', { thumb: url('th'), preview: url('pr') }, url('th').url],
    ['then preview', { preview: url('pr') }, url('pr').url],
    ['no image file', {}, undefined],
    ['no files at all', undefined, undefined],
  ])('%s', (_name, files, expected) => {
    const media = files === undefined ? { id: 1, type: 'audio' } : { id: 1, type: 'photo', files };
    expect(thumbnailsOf([media])).toEqual([{ mediaId: 1, type: media.type, url: expected }]);
  });

  it('keeps one entry per media item, in order', () => {
    const ids = thumbnailsOf([
      { id: 3, type: 'photo' },
      { id: 1, type: 'video' },
    ]).map((t) => t.mediaId);
    expect(ids).toEqual([3, 1]);
  });
});
