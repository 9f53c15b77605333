// An abort or a timeout must reach a custom fetch that keeps only the signal it was given, even
// after garbage collection. The transport hands a custom fetch the attempt's own signal (no
// Request copy whose derived signal undici would link to its source only weakly), and keeps
// the attempt's controller alive until the attempt is over.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { APITimeoutError, APIUserAbortError } from '../src/errors.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Answers never; rejects when the signal aborts. Keeps nothing but the signal. */
const signalOnlyFetch = (_url: string, init: RequestInit) => {
  const signal = init.signal as AbortSignal;
  return new Promise<Response>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason));
  });
};

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('after a garbage collection', () => {
  it('still delivers the caller’s abort', async () => {
    const client = createClient({ apiKey: 'k', connectionId: 'c', fetch: signalOnlyFetch });
    const controller = new AbortController();
    const call = Promise.resolve(client.listMassMessages({}, { signal: controller.signal }));
    await tick(10);
    gc();
    await tick(10);
    controller.abort();
    await expect(call).rejects.toThrow(APIUserAbortError);
  }, 3000);

  it('still delivers the timeout', async () => {
    const client = createClient({
      apiKey: 'k',
      connectionId: 'c',
      fetch: signalOnlyFetch,
      timeoutMs: 100,
      maxRetries: 0,
    });
    const call = Promise.resolve(client.listMassMessages());
    await tick(10);
    gc();
    await expect(call).rejects.toThrow(APITimeoutError);
  }, 3000);
});
