// Fake upstreams for the proxy's tests: a recording fetch (fast, in-process) and a recording
// node:http server on 127.0.0.1:0 (real sockets, for the adapter and failure cases).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'sk_test_SERVER-ONLY-KEY-7f3a9c';
export const CONNECTION_ID = 'conn_server_1234';

/** What an upstream received. */
export interface Received {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export interface Answer {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Send the status line, headers and part of the body, then nothing more. */
  stallBody?: boolean;
}

/** A fetch that records each call and answers `answer` (a page by default). */
export function recordingFetch(answer: Answer | ((url: URL) => Answer) = {}) {
  const received: Received[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    received.push({
      url: url.href,
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers)),
    });
    const {
      status = 200,
      body = '{"list":[],"hasMore":false}',
      headers = {},
    } = typeof answer === 'function' ? answer(url) : answer;
    return new Response(body, {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, received };
}

export interface RecordingServer {
  url: string;
  received: Array<{ url: string; method: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** A node:http upstream on 127.0.0.1:0 answering `answer`; `close` stops this server only. */
export async function startUpstream(
  answer: Answer | ((url: string) => Answer | Promise<Answer>) = {},
): Promise<RecordingServer> {
  const received: RecordingServer['received'] = [];
  const server: Server = createServer(async (req, res) => {
    received.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers });
    const {
      status = 200,
      body = '{"list":[],"hasMore":false}',
      headers = {},
      stallBody = false,
    } = typeof answer === 'function' ? await answer(req.url ?? '') : answer;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    if (stallBody) res.write(body.slice(0, 5));
    else res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Everything a response shows a browser: status, headers and body, as one text. */
export async function visible(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}
