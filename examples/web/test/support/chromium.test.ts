import { describe, expect, it } from 'vitest';
import { pickChromium, SYSTEM_CHROMIUM_PATHS } from './chromium';

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('pickChromium', () => {
  it.each([
    [
      'CHROMIUM_PATH wins',
      { CHROMIUM_PATH: '/opt/chrome' },
      only('/opt/chrome', '/usr/bin/chromium'),
      { source: 'CHROMIUM_PATH', path: '/opt/chrome' },
    ],
    [
      'a system Chromium next',
      {},
      only('/usr/bin/google-chrome'),
      { source: 'system', path: '/usr/bin/google-chrome' },
    ],
    [
      'the first system path found',
      {},
      only(...SYSTEM_CHROMIUM_PATHS),
      { source: 'system', path: SYSTEM_CHROMIUM_PATHS[0] },
    ],
    [
      'blank CHROMIUM_PATH ignored',
      { CHROMIUM_PATH: ' ' },
      only('/usr/bin/chromium'),
      { source: 'system', path: '/usr/bin/chromium' },
    ],
    ['the npm package on a bare machine', {}, only(), { source: 'npm' }],
    [
      'CHROMIUM_SOURCE=npm over everything',
      { CHROMIUM_SOURCE: 'npm', CHROMIUM_PATH: '/opt/chrome' },
      only('/opt/chrome', '/usr/bin/chromium'),
      { source: 'npm' },
    ],
  ] as const)('%s', (_name, env, exists, expected) => {
    expect(pickChromium(env, exists)).toEqual(expected);
  });

  it('fails naming CHROMIUM_PATH when it points at nothing', () => {
    expect(() => pickChromium({ CHROMIUM_PATH: '/nonexistent/chromium' }, only())).toThrow(
      /^Chromium not found at CHROMIUM_PATH=\/nonexistent\/chromium: /,
    );
  });

  it('refuses an unknown CHROMIUM_SOURCE', () => {
    expect(() => pickChromium({ CHROMIUM_SOURCE: 'apt' }, only())).toThrow(
      'CHROMIUM_SOURCE must be "npm" or unset, got "apt"',
    );
  });
});
