// A raw HTTP/1.1 exchange over a socket (node:net): the request line and headers go out exactly
// as written, so no client library normalises the path or checks the Host first.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything received, as text. */
  text: string;
}

/**
 * Sends `head` (request line and headers, without the final blank line) and `body`, and reads to
 * the close.
 */
export function rawRequest(
  port: number,
  head: string,
  body = '',
  timeoutMs = 10_000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer to ${JSON.stringify(head.slice(0, 80))}`));
    }, timeoutMs);
    socket.on('connect', () =>
      socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`, 'latin1'),
    );
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset after the answer is the server closing: read below
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [top = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = top.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const raw = rest.join('\r\n\r\n');
      const body = headers['transfer-encoding'] === 'chunked' ? unchunk(raw) : raw;
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body, text });
    });
  });
}

/** The body of a chunked message: each chunk is its hex size, CRLF, the bytes, CRLF. */
function unchunk(raw: string): string {
  let body = '';
  let at = 0;
  for (;;) {
    const end = raw.indexOf('\r\n', at);
    const size = Number.parseInt(raw.slice(at, end), 16);
    if (!(size > 0)) return body;
    body += raw.slice(end + 2, end + 2 + size);
    at = end + 2 + size + 2;
  }
}
