// The environment decides which targets run; a wrong value must fail naming the variable, and
// the API key must not leak through the settings object.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVE_BASE_URL, LIVE_SKIP_LINE, readSettings } from '../src/settings.js';

const KEY = 'sk_live_do-not-print-me';

describe('readSettings', () => {
  it('without credentials: no live target, no drift', () => {
    expect(readSettings({})).toEqual({ live: undefined, liveOnly: false, drift: undefined });
  });

  it.each([
    ['only the key', { OFAUTH_API_KEY: KEY }],
    ['only the connection', { OFAUTH_CONNECTION_ID: 'conn_1' }],
    ['blank values (absent CI secrets)', { OFAUTH_API_KEY: ' ', OFAUTH_CONNECTION_ID: '' }],
  ])('with %s: no live target', (_name, env) => {
    expect(readSettings(env).live).toBeUndefined();
  });

  it('with both credentials: live against the default base URL, the key hidden', () => {
    const { live } = readSettings({ OFAUTH_API_KEY: KEY, OFAUTH_CONNECTION_ID: 'conn_1' });
    expect(live?.apiKey).toBe(KEY);
    expect(live?.connectionId).toBe('conn_1');
    expect(live?.baseUrl).toBe(DEFAULT_LIVE_BASE_URL);
    expect(JSON.stringify(live)).not.toContain(KEY);
    expect(Object.keys(live ?? {})).not.toContain('apiKey');
  });

  it('takes OFAUTH_BASE_URL, and refuses one that is not a URL', () => {
    const env = {
      OFAUTH_API_KEY: KEY,
      OFAUTH_CONNECTION_ID: 'c',
      OFAUTH_BASE_URL: 'http://127.0.0.1:9',
    };
    expect(readSettings(env).live?.baseUrl).toBe('http://127.0.0.1:9');
    expect(() => readSettings({ OFAUTH_BASE_URL: 'api-next' })).toThrow(
      'OFAUTH_BASE_URL is not a URL: "api-next"',
    );
  });

  it('CONTRACT_TARGET=live demands the credentials, naming the missing ones', () => {
    expect(() => readSettings({ CONTRACT_TARGET: 'live' })).toThrow(
      'CONTRACT_TARGET=live needs OFAUTH_API_KEY and OFAUTH_CONNECTION_ID to be set',
    );
    expect(() => readSettings({ CONTRACT_TARGET: 'live', OFAUTH_API_KEY: KEY })).toThrow(
      'CONTRACT_TARGET=live needs OFAUTH_CONNECTION_ID to be set',
    );
    const env = { CONTRACT_TARGET: 'live', OFAUTH_API_KEY: KEY, OFAUTH_CONNECTION_ID: 'c' };
    expect(readSettings(env).liveOnly).toBe(true);
  });

  it('refuses another CONTRACT_TARGET, and an unknown CONTRACT_DRIFT', () => {
    expect(() => readSettings({ CONTRACT_TARGET: 'staging' })).toThrow(
      'CONTRACT_TARGET must be "live" or unset, got "staging"',
    );
    expect(() => readSettings({ CONTRACT_DRIFT: 'everything' })).toThrow(/Unknown drift kind/);
    expect(readSettings({ CONTRACT_DRIFT: 'unknown-enum' }).drift).toBe('unknown-enum');
  });

  it('the skip line names both variables and the default base URL', () => {
    expect(LIVE_SKIP_LINE).toMatch(/OFAUTH_API_KEY.*OFAUTH_CONNECTION_ID.*OFAUTH_BASE_URL/);
    expect(LIVE_SKIP_LINE).toContain(DEFAULT_LIVE_BASE_URL);
  });
});
