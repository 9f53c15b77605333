// A fixed-size key for text a client chose (its security headers, its Prefer header): two 32-bit
// FNV-1a hashes. Every key the same small size however long the headers (the in-process adapters
// have no header limit), and an API key never held as text. A collision would share one entry
// between two clients; at 64 bits and 10,000 entries it is about 1 in 10^11.
import { deriveSeed } from '../dataset/random.js';

export function digest(text: string): string {
  return `${deriveSeed(1, text).toString(36)}.${deriveSeed(2, text).toString(36)}`;
}
