// Which targets a run checks, read from the environment once. The API key is kept only to hand
// to the client: nothing here prints it, and the settings' string form hides it.
import { type DriftKind, parseDriftKind } from './drift.js';

export const DEFAULT_LIVE_BASE_URL = 'https://api-next.ofauth.com';

/** The one line a run without credentials prints about the live suite. */
export const LIVE_SKIP_LINE =
  'live contract suite skipped: set OFAUTH_API_KEY and OFAUTH_CONNECTION_ID to run it against ' +
  `OFAUTH_BASE_URL (default ${DEFAULT_LIVE_BASE_URL})`;

export interface LiveCredentials {
  apiKey: string;
  connectionId: string;
  baseUrl: string;
}

export interface ContractSettings {
  /** Set when both credentials are: the live suite runs. */
  live: LiveCredentials | undefined;
  /** `CONTRACT_TARGET=live`: only the live suite, and missing credentials are an error. */
  liveOnly: boolean;
  /** `CONTRACT_DRIFT=<kind>`: the recorded-upstream suite runs against this drift, by hand. */
  drift: DriftKind | undefined;
}

type Env = Record<string, string | undefined>;

/** An unset or blank variable (CI often passes empty strings for absent secrets) is absent. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function readSettings(env: Env = process.env): ContractSettings {
  const apiKey = read(env, 'OFAUTH_API_KEY');
  const connectionId = read(env, 'OFAUTH_CONNECTION_ID');
  const baseUrl = read(env, 'OFAUTH_BASE_URL') ?? DEFAULT_LIVE_BASE_URL;
  if (!URL.canParse(baseUrl)) {
    throw new Error(`OFAUTH_BASE_URL is not a URL: "${baseUrl}"`);
  }
  const target = read(env, 'CONTRACT_TARGET');
  if (target !== undefined && target !== 'live') {
    throw new Error(`CONTRACT_TARGET must be "live" or unset, got "${target}"`);
  }
  const liveOnly = target === 'live';
  const live =
    apiKey && connectionId
      ? Object.defineProperty({ apiKey, connectionId, baseUrl }, 'apiKey', {
          value: apiKey,
          enumerable: false, // kept out of JSON.stringify, console.log and test snapshots
        })
      : undefined;
  if (liveOnly && !live) {
    const missing = [apiKey ? '' : 'OFAUTH_API_KEY', connectionId ? '' : 'OFAUTH_CONNECTION_ID'];
    throw new Error(
      `CONTRACT_TARGET=live needs ${missing.filter(Boolean).join(' and ')} to be set`,
    );
  }
  const drift = read(env, 'CONTRACT_DRIFT');
  return { live, liveOnly, drift: drift === undefined ? undefined : parseDriftKind(drift) };
}
