// @ts-check
// Preloaded into the server child of `--watch` (node --import, by src/cli/supervise.ts). A child
// whose parent died without stopping it (a crashed test worker, a killed terminal) would keep its
// port forever: it exits instead, at once when its IPC channel to the parent closes, and
// otherwise as soon as it is handed to another parent.
//
// Plain JavaScript, not built: the child loads it straight from the package.
const parent = process.ppid;

process.on('disconnect', () => process.exit(0));
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 500).unref();
