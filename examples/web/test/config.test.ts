import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, readConfig } from '../src/config';

describe('readConfig', () => {
  it('falls back to the default page size', () => {
    expect(readConfig({})).toEqual({ pageSize: DEFAULT_PAGE_SIZE });
  });

  it.each([
    ['env', { VITE_OFAUTH_PAGE_SIZE: '5' }, '', 5],
    ['query over env', { VITE_OFAUTH_PAGE_SIZE: '5' }, '?pageSize=7', 7],
    ['blank query ignored', { VITE_OFAUTH_PAGE_SIZE: '5' }, '?pageSize=', 5],
  ])('page size from the %s', (_name, env, search, expected) => {
    expect(readConfig(env, search).pageSize).toBe(expected);
  });

  it('takes no base URL, key or connection from the address: the page only calls its proxy', () => {
    const config = readConfig({}, '?baseUrl=http%3A%2F%2Fevil.test&apiKey=k&connectionId=c');
    expect(config).toEqual({ pageSize: DEFAULT_PAGE_SIZE });
  });

  it.each([
    [{}, '?pageSize=ten', /page size must be a whole number, got "ten"/],
    [{ VITE_OFAUTH_PAGE_SIZE: '2.5' }, '', /page size must be a whole number, got "2.5"/],
  ])('rejects %o %s naming the bad setting', (env, search, message) => {
    expect(() => readConfig(env, search)).toThrow(message);
  });
});
