// `--watch`: calls back when the spec bundle is rewritten. Polling (fs.watchFile) rather than
// fs.watch, because a rebuild may delete and recreate dist/, which ends an fs.watch watcher.
import { type Stats, unwatchFile, watchFile } from 'node:fs';

// A stat every 100 ms costs nothing measurable and keeps the dev loop (save → mock) short.
const POLL_MS = 100;

export function watchBundle(path: string, onChange: () => void): () => void {
  const listener = (current: Stats, previous: Stats) => {
    // A vanished file (mid-rebuild) is not a change to act on; its reappearance is.
    if (current.mtimeMs !== previous.mtimeMs && current.mtimeMs !== 0) onChange();
  };
  watchFile(path, { interval: POLL_MS }, listener);
  return () => unwatchFile(path, listener);
}
