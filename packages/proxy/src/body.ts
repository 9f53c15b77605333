// Reads the upstream's body with a cap. `arrayBuffer()` buffers whatever arrives, and fetch
// inflates gzip and brotli as it reads, so a small compressed answer can grow without bound (a
// gzip bomb) until the deadline. The chunks counted here are the decoded bytes; past the cap the
// stream is cancelled, which closes the upstream connection.

/** The upstream's body was larger than `maxBodyBytes` (after decoding). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** The whole body, at most `limit` bytes of it, or BodyTooLargeError (the stream cancelled). */
export async function readCapped(
  response: Response,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(`the body is over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
