// Reads a response body under a size cap: as a stream, so that a body past the cap is never
// held whole (`response.text()` would buffer any length the server sends), and not at all when
// its content-length already says it is too long.

/** The body as text (UTF-8, as `response.text()` decodes it), or undefined past `max` bytes. */
export async function readCapped(response: Response, max: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  // A missing or unreadable content-length is NaN: read, and count.
  if (!(Number(response.headers.get('content-length')) > max)) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > max) break;
      text += decoder.decode(value, { stream: true });
    }
  }
  // Cancelling tells fetch to drop the rest (the connection, for a socket); its outcome is moot.
  reader.cancel().catch(() => {});
  return undefined;
}
