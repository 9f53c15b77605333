// A recording relay between the runtimes' proxies and the mock, on 127.0.0.1: it notes the
// credentials of every request that reaches "the API" (so a test can show a browser's own key
// never does), and holds the requests of the stalling connection unanswered, noting when the
// proxy gives up on one (so a test can show a browser leaving cancels the upstream call).
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  apiKey: string | undefined;
  connectionId: string | undefined;
  url: string;
}

export interface Stall {
  /** When the relay received the stalled request. */
  at: number;
  /** When the proxy closed that request's connection, if it has. */
  closedAt?: number;
}

export interface Relay {
  url: string;
  seen: Seen[];
  stalls: Stall[];
  /** Resolves when the next stalled request arrives. */
  nextStall(): Promise<Stall>;
  close(): Promise<void>;
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

export async function startRelay(target: string, stallConnection: string): Promise<Relay> {
  const seen: Seen[] = [];
  const stalls: Stall[] = [];
  let waiting: ((stall: Stall) => void)[] = [];
  const server = createServer((req, res) => {
    const connectionId = header(req, 'x-connection-id');
    seen.push({ apiKey: header(req, 'apikey'), connectionId, url: req.url ?? '' });
    if (connectionId === stallConnection) {
      const stall: Stall = { at: Date.now() };
      stalls.push(stall);
      req.socket.once('close', () => {
        stall.closedAt = Date.now();
      });
      for (const resolve of waiting) resolve(stall);
      waiting = [];
      return;
    }
    const upstream = httpRequest(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stalls,
    nextStall: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
