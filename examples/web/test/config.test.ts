import { describe, expect, it } from 'vitest';
import {
  DEFAULT_API_KEY,
  DEFAULT_BASE_URL,
  DEFAULT_CONNECTION_ID,
  DEFAULT_PAGE_SIZE,
  readConfig,
} from '../src/config';

describe('readConfig', () => {
  it('falls back to the local mock and demo credentials', () => {
    expect(readConfig({})).toEqual({
      baseUrl: DEFAULT_BASE_URL,
      apiKey: DEFAULT_API_KEY,
      connectionId: DEFAULT_CONNECTION_ID,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it.each([
    ['env only', { VITE_OFAUTH_BASE_URL: 'http://127.0.0.1:5000/' }, '', 'http://127.0.0.1:5000'],
    [
      'query wins over env',
      { VITE_OFAUTH_BASE_URL: 'http://127.0.0.1:5000' },
      '?baseUrl=http%3A%2F%2F127.0.0.1%3A6000',
      'http://127.0.0.1:6000',
    ],
    [
      'blank query ignored',
      { VITE_OFAUTH_BASE_URL: 'https://api.test/v' },
      '?baseUrl=',
      'https://api.test/v',
    ],
  ])('base URL: %s', (_name, env, search, expected) => {
    expect(readConfig(env, search).baseUrl).toBe(expected);
  });

  it('reads the key, connection and page size from the env, the page size also from the query', () => {
    const config = readConfig(
      { VITE_OFAUTH_API_KEY: 'k', VITE_OFAUTH_CONNECTION_ID: 'c', VITE_OFAUTH_PAGE_SIZE: '5' },
      '?pageSize=7',
    );
    expect(config).toMatchObject({ apiKey: 'k', connectionId: 'c', pageSize: 7 });
  });

  it.each([
    [
      { VITE_OFAUTH_BASE_URL: 'not a url' },
      '',
      /base URL must be an absolute http\(s\) URL.*not a url/,
    ],
    [{ VITE_OFAUTH_BASE_URL: 'ftp://127.0.0.1' }, '', /base URL must use http or https/],
    [{}, '?pageSize=ten', /page size must be a whole number, got "ten"/],
    [{ VITE_OFAUTH_PAGE_SIZE: '2.5' }, '', /page size must be a whole number, got "2.5"/],
  ])('rejects %o %s naming the bad setting', (env, search, message) => {
    expect(() => readConfig(env, search)).toThrow(message);
  });
});
