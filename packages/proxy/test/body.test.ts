// The upstream's body is read with a cap, counted after decoding (fetch inflates gzip), so a
// huge body or a gzip bomb costs the proxy at most the cap, not its memory until the timeout.
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { type Operation, operations } from '@ofauth-mass-messages/spec/operations';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProxyConfigError } from '../src/errors.js';
import { createProxyHandler } from '../src/index.js';
import { DEFAULT_MAX_BODY_BYTES } from '../src/options.js';
import type { ProxyOptions } from '../src/types.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { API_KEY, CONNECTION_ID } from './helpers/upstream.js';

const operation = operations[0] as Operation;
const MiB = 1024 * 1024;
const stops: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A node:http upstream on 127.0.0.1:0 whose answer `send` writes; notes when a client hangs up. */
async function upstream(send: (res: ServerResponse) => void) {
  const seen = { finished: false, closedEarly: false };
  const server = createServer((_req, res) => {
    res.on('finish', () => {
      seen.finished = true;
    });
    res.on('close', () => {
      if (!seen.finished) seen.closedEarly = true;
    });
    send(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  stops.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Writes `total` bytes of `{"list":[` padding in 64 KiB chunks, minding backpressure. */
async function writeZeros(stream: NodeJS.WritableStream, total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  for (let sent = 0; sent < total; sent += chunk.length) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
}

function proxyTo(url: string, extra: Partial<ProxyOptions> = {}) {
  const warn = vi.fn();
  const handler = createProxyHandler({
    apiKey: API_KEY,
    authorize: () => CONNECTION_ID,
    upstream: url,
    logger: { warn },
    timeoutMs: 20_000,
    ...extra,
  });
  return { get: () => handler(new Request(`http://localhost${operation.path}`)), warn };
}

async function expectTooLarge(response: Response, cap: number) {
  await expectProxyError(response, {
    status: 502,
    code: 'UPSTREAM_TOO_LARGE',
    error: expect.stringContaining(`maxBodyBytes (${cap} bytes)`),
  });
}

describe('the upstream body cap', () => {
  it('defaults to 1 MiB, far above a page', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(MiB);
  });

  it('answers 502 naming the cap to a large plain body, and stops reading it', async () => {
    const api = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      void writeZeros(res, 64 * MiB);
    });
    const { get, warn } = proxyTo(api.url);

    await expectTooLarge(await get(), DEFAULT_MAX_BODY_BYTES);
    await vi.waitFor(() => expect(api.seen.closedEarly).toBe(true));
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('maxBodyBytes'),
      expect.objectContaining({ status: 502 }),
    );
  });

  it('answers 502 to a gzip bomb: 256 MiB inflated from about 256 kB sent', async () => {
    const api = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const gzip = createGzip();
      gzip.pipe(res);
      void writeZeros(gzip, 256 * MiB);
    });
    const { get } = proxyTo(api.url);

    await expectTooLarge(await get(), DEFAULT_MAX_BODY_BYTES);
  });

  it.each([
    ['at the cap', 1000, 200],
    ['one byte over', 1001, 502],
  ])('with maxBodyBytes: 1000, a body %s (%i bytes) is answered %i', async (_, size, status) => {
    const body = `"${'x'.repeat(size - 2)}"`;
    const api = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const response = await proxyTo(api.url, { maxBodyBytes: 1000 }).get();

    expect(response.status).toBe(status);
    if (status === 200) expect(await response.text()).toBe(body);
    else await expectTooLarge(response, 1000);
  });

  it.each([0, -1, 1.5, '1MB'])('refuses maxBodyBytes %j at start-up', (value) => {
    expect(() => proxyTo('http://127.0.0.1:1', { maxBodyBytes: value as number })).toThrow(
      ProxyConfigError,
    );
    expect(() => proxyTo('http://127.0.0.1:1', { maxBodyBytes: value as number })).toThrow(
      /maxBodyBytes must be a positive integer/,
    );
  });
});
