// @ts-check
// Preloaded into the Prism child (node --import). Tells the parent, over the IPC channel, the port
// Prism's HTTP server listens on. Prism prints it too, but only at its verbose `info` level, whose
// per-request lines (each one parsed and repaired by Prism's log formatter) cost a good part of its
// throughput; with this, a server started without a log reader can run at `warn`.
import { Server } from 'node:net';

// The channel must not keep a child alive whose server failed to start.
process.channel?.unref();

const listen = Server.prototype.listen;
/** @type {typeof Server.prototype.listen} */
Server.prototype.listen = function (/** @type {any[]} */ ...args) {
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') {
      process.send?.({ type: 'listening', port: address.port });
    }
  });
  return listen.apply(this, /** @type {any} */ (args));
};
