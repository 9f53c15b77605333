// A browser that leaves while the proxy waits on the API: a raw HTTP/1.1 request as the stalling
// user, closed once the relay holds its upstream call, by a close (FIN: what a client that
// simply goes away sends) or a reset (RST). Measures how long the upstream call outlives it.
import { connect } from 'node:net';
import { USER_HEADER } from '../app.ts';
import type { Relay } from './relay.ts';

export type Leave = 'close' | 'reset';

export interface Outcome {
  /** ms from the browser leaving to the upstream call's end; undefined: still open at `waitMs`. */
  cancelledAfterMs: number | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function leaveMidCall(
  url: string,
  relay: Relay,
  leave: Leave,
  waitMs: number,
): Promise<Outcome> {
  const { hostname, port, host } = new URL(url);
  const stalled = relay.nextStall();
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  socket.write(
    `GET /api/v2/access/mass-messages?limit=1 HTTP/1.1\r\nHost: ${host}\r\n${USER_HEADER}: stall\r\n\r\n`,
  );
  const stall = await Promise.race([
    stalled,
    sleep(10_000).then(() => {
      throw new Error(`${url}: the stalling request never reached the relay`);
    }),
  ]);
  const left = Date.now();
  if (leave === 'reset') socket.resetAndDestroy();
  else socket.destroy();
  while (stall.closedAt === undefined && Date.now() - left < waitMs) await sleep(20);
  return { cancelledAfterMs: stall.closedAt === undefined ? undefined : stall.closedAt - left };
}
