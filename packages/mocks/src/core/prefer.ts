// The `Prefer` header: how a request picks a scenario. Prism's names (`code=`, `example=`,
// `seed=`) plus the UI states Prism lacks: `delay=` (latency), `times=` (an outcome that happens
// a number of times and then stops: "429 once, then 200"), `retry-after=`, and `rate-limit=`
// (this request under the vendor's bucket, or under none).
import { own } from './own.js';

export interface Preferences {
  /** Answer with this documented status and its example. */
  code?: number;
  /** Answer with this named example (of `code`, or of whichever status has it). */
  example?: string;
  /** Wait this many milliseconds first. */
  delay?: number;
  /** With `code`/`example`: only the first `times` requests of this client and route get it. */
  times?: number;
  /** dataset/dynamic: another seed for this request. */
  seed?: number;
  /** 429: the `Retry-After` seconds. */
  retryAfter?: number;
  /**
   * `rate-limit=vendor`: this request goes through the vendor's bucket of its connection even
   * when the mock does not emulate the limit; `rate-limit=off`: it goes through none.
   */
  rateLimit?: 'vendor' | 'off';
}

const INTEGER_KEYS = {
  code: 'code',
  delay: 'delay',
  times: 'times',
  seed: 'seed',
  'retry-after': 'retryAfter',
} as const;

/** Reads a Prefer header such as `code=429, times=1` or `delay=800`; unknown tokens are ignored. */
export function parsePrefer(header: string | null | undefined): Preferences {
  const preferences: Preferences = {};
  for (const token of (header ?? '').split(/[,;]/)) {
    const [rawKey = '', ...rest] = token.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"|"$/g, '');
    if (key === 'example' && value) preferences.example = value;
    if (key === 'rate-limit' && (value === 'vendor' || value === 'off'))
      preferences.rateLimit = value;
    const field = own<(typeof INTEGER_KEYS)[keyof typeof INTEGER_KEYS]>(INTEGER_KEYS, key);
    if (field && /^\d{1,15}$/.test(value)) preferences[field] = Number(value);
  }
  return preferences;
}
