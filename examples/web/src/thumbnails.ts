// Picks the smallest image the API offers for each media item of a message.

/** The fields of a Media object this module reads (both endpoints share the Media schema). */
export interface MediaLike {
  id: number;
  type: string;
  files?: {
    squarePreview?: { url: string };
    thumb?: { url: string };
    preview?: { url: string };
  };
}

export interface Thumbnail {
  mediaId: number;
  type: string;
  /** Undefined when the media has no image file (audio, or files not ready yet). */
  url: string | undefined;
}

/** Square preview first (fits a table cell), then thumb, then preview. */
export function thumbnailsOf(media: readonly MediaLike[]): Thumbnail[] {
  return media.map((item) => ({
    mediaId: item.id,
    type: item.type,
    url: item.files?.squarePreview?.url ?? item.files?.thumb?.url ?? item.files?.preview?.url,
  }));
}
