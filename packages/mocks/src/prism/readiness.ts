// Readiness by asking: the start is over when a real route answers 200, not after a fixed sleep.

const POLL_INTERVAL_MS = 50;
const REQUEST_TIMEOUT_MS = 2_000;

/** Any value is accepted by the mock; these only satisfy the spec's two security headers. */
export const PROBE_HEADERS = { apiKey: 'readiness-probe', 'x-connection-id': 'readiness-probe' };

export class NotReadyError extends Error {}

/**
 * Polls `url` until it answers 200. Rejects with `NotReadyError` at `deadline` (epoch ms), and
 * stops early when `gone` settles (the server died: polling it any longer is pointless).
 */
export async function waitUntilAnswering(
  url: string,
  deadline: number,
  gone: Promise<unknown>,
): Promise<void> {
  let isGone = false;
  void gone.then(() => {
    isGone = true;
  });
  let last = 'no answer yet';
  while (!isGone && Date.now() < deadline) {
    try {
      const response = await fetch(url, {
        headers: PROBE_HEADERS,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new NotReadyError(`GET ${url} did not answer 200 in time (last: ${last})`);
}
