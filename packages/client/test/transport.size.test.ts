// The response-size cap (`maxResponseBytes`): a body is read as a stream and refused, its stream
// cancelled, as soon as it passes the cap, or before a byte is read when its content-length
// says it would; error bodies too. With scripted bodies that count what was pulled from them,
// then over a real socket.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { InvalidArgumentError, InvalidResponseError } from '../src/errors.js';
import { fakeFetch, massPage, type Reply } from './helpers/fake-fetch.js';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * A body of `total` bytes of spaces in CHUNK pieces, pulled only when read; `state` says how
 * much was pulled and whether the reader cancelled it. Bounded, so that a client without a cap
 * reads it whole and fails on what it holds rather than exhausting memory.
 */
function counted(total: number) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(CHUNK, total - state.pulled);
        state.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
        if (state.pulled >= total) controller.close();
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { state, body };
}

function clientWith(replies: Reply[], options: { maxResponseBytes?: number } = {}) {
  const fetch = fakeFetch(...replies);
  const client = createClient({ apiKey: 'k', connectionId: 'c', fetch, ...options });
  return { fetch, client };
}

const fail = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => 'resolved',
    (error: unknown) => error,
  );

describe('maxResponseBytes', () => {
  it('defaults to 8 MiB: a longer body is cut off past the cap, its stream cancelled', async () => {
    const { state, body } = counted(12 * MiB);
    const { client } = clientWith([new Response(body)]);
    const error = await fail(client.listMassMessages());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      name: 'ResponseTooLargeError',
      status: 200,
      maxResponseBytes: 8 * MiB,
      message:
        'answered with a body over maxResponseBytes (8388608 bytes) (GET /v2/access/mass-messages)',
    });
    expect(state.cancelled).toBe(true);
    // Read up to the chunk that passed the cap, and not one chunk more.
    expect(state.pulled).toBeLessThanOrEqual(8 * MiB + CHUNK);
  });

  it('refuses a body whose content-length is over the cap before reading any of it', async () => {
    const { state, body } = counted(2000);
    const response = new Response(body, { headers: { 'content-length': '2000' } });
    const { client } = clientWith([response]);
    const error = await fail(client.listMassMessages({}, { maxResponseBytes: 1000 }));
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', maxResponseBytes: 1000 });
    expect(state.pulled).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('caps error bodies too, and does not retry them', async () => {
    const { state, body } = counted(2 * MiB);
    const { fetch, client } = clientWith([new Response(body, { status: 500 })]);
    const error = await fail(client.listMassMessages({}, { maxResponseBytes: MiB, maxRetries: 2 }));
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', status: 500 });
    expect(fetch.seen).toHaveLength(1);
    expect(state.cancelled).toBe(true);
  });

  it('reads a body of exactly the cap', async () => {
    const text = JSON.stringify(massPage(1, 3, false));
    const bytes = new TextEncoder().encode(text).length;
    const { client } = clientWith([new Response(text)]);
    expect(await client.listMassMessages({}, { maxResponseBytes: bytes })).toEqual(
      massPage(1, 3, false),
    );
    const over = clientWith([new Response(text)]);
    await expect(
      over.client.listMassMessages({}, { maxResponseBytes: bytes - 1 }),
    ).rejects.toMatchObject({ name: 'ResponseTooLargeError' });
  });

  it('takes a per-call cap over the client’s', async () => {
    const text = JSON.stringify(massPage(1, 3, false));
    const { client } = clientWith([new Response(text)], { maxResponseBytes: 10 });
    expect(await client.listMassMessages({}, { maxResponseBytes: 10_000 })).toEqual(
      massPage(1, 3, false),
    );
  });

  it('decodes UTF-8 split across chunks', async () => {
    const page = { hasMore: false, list: [{ id: 1, text: 'é€😀' }] };
    const bytes = new TextEncoder().encode(JSON.stringify(page));
    // One byte per chunk: every multi-byte character is split.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const { client } = clientWith([new Response(body)]);
    expect(await client.listMassMessages()).toEqual(page);
  });

  it.each([
    [0, 'maxResponseBytes must be an integer >= 1, got 0'],
    [1.5, 'maxResponseBytes must be an integer >= 1, got 1.5'],
    ['8MB', 'maxResponseBytes must be an integer >= 1, got "8MB"'],
  ])('refuses %j, client-wide and per call, before sending', async (value, message) => {
    expect(() =>
      createClient({ apiKey: 'k', connectionId: 'c', maxResponseBytes: value as number }),
    ).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', message }));
    const { fetch, client } = clientWith([]);
    const error = await fail(client.listMassMessages({}, { maxResponseBytes: value as number }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ parameter: 'maxResponseBytes' });
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('over a real socket', () => {
  let server: Server;
  let baseUrl: string;
  let handler: (res: ServerResponse) => void = (res) => res.end();
  beforeAll(async () => {
    server = createServer((_req, res) => handler(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Streams up to `total` bytes (chunked), as fast as the client reads; resolves with the count written when done or cut. */
  function streaming(total: number, headers: Record<string, string> = {}) {
    return new Promise<{ written: number; closed: boolean }>((resolve) => {
      handler = (res) => {
        let written = 0;
        let closed = false;
        res.on('close', () => {
          closed = !res.writableFinished;
          resolve({ written, closed });
        });
        res.writeHead(200, { 'content-type': 'application/json', ...headers });
        const chunk = Buffer.alloc(CHUNK, 0x20);
        const pump = () => {
          while (!closed && written < total) {
            written += CHUNK;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (written >= total) res.end();
        };
        // A declared length: the headers alone, then nothing (the body never comes).
        if (headers['content-length']) res.flushHeaders();
        else pump();
      };
    });
  }

  it('stops reading a streamed body past the cap and closes the connection', async () => {
    const served = streaming(32 * MiB);
    const client = createClient({ apiKey: 'k', connectionId: 'c', baseUrl, maxRetries: 0 });
    const error = await fail(client.listMassMessages({}, { maxResponseBytes: MiB }));
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', maxResponseBytes: MiB });
    const { written, closed } = await served;
    expect(closed).toBe(true);
    expect(written).toBeLessThan(32 * MiB);
  });

  it('refuses a content-length over the cap at once, without waiting for the body', async () => {
    const served = streaming(0, { 'content-length': String(10 * MiB) });
    const client = createClient({ apiKey: 'k', connectionId: 'c', baseUrl, maxRetries: 0 });
    // The server sends the headers and then nothing: only the header can end this call early.
    const error = await fail(
      client.listMassMessages({}, { maxResponseBytes: MiB, timeoutMs: 5000 }),
    );
    expect(error).toMatchObject({ name: 'ResponseTooLargeError' });
    expect((await served).closed).toBe(true);
  });
});
