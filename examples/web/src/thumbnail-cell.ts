import { h } from './dom';
import type { MediaLike } from './thumbnails';
import { thumbnailsOf } from './thumbnails';

/**
 * A row of media thumbnails. An image that cannot load (offline CDN, expired link) becomes a
 * labelled tile with the media type, so the table keeps its shape.
 */
export function thumbnailCell(media: readonly MediaLike[]): HTMLTableCellElement {
  const cell = h('td', { class: 'thumbs' });
  const thumbnails = thumbnailsOf(media);
  if (thumbnails.length === 0) {
    cell.append(h('span', { class: 'muted' }, 'no media'));
    return cell;
  }
  for (const thumb of thumbnails) {
    const fallback = h(
      'span',
      { class: 'thumb thumb-fallback', 'data-media-id': String(thumb.mediaId), title: thumb.type },
      thumb.type,
    );
    if (thumb.url === undefined) {
      cell.append(fallback);
      continue;
    }
    const img = h('img', {
      class: 'thumb',
      src: thumb.url,
      alt: `${thumb.type} ${thumb.mediaId}`,
      loading: 'lazy',
      'data-media-id': String(thumb.mediaId),
    });
    img.addEventListener('error', () => img.replaceWith(fallback), { once: true });
    cell.append(img);
  }
  return cell;
}
