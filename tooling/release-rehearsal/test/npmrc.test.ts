// The settings that point a scope at the rehearsal's registry: the token only ever keyed to it.
import { describe, expect, it } from 'vitest';
import { registryEnv, scopeNpmrc, scopesOf } from '../src/npmrc.js';

describe('scopeNpmrc', () => {
  it('sends each scope to the registry, with no token unless given one', () => {
    expect(scopeNpmrc(['@a', '@b-c'], 'http://127.0.0.1:4873/')).toBe(
      '@a:registry=http://127.0.0.1:4873/\n@b-c:registry=http://127.0.0.1:4873/\n',
    );
  });

  it('keys the token to the registry host and path alone', () => {
    expect(scopeNpmrc(['@a'], 'http://127.0.0.1:4873/npm', 'tok')).toBe(
      '@a:registry=http://127.0.0.1:4873/npm/\n//127.0.0.1:4873/npm/:_authToken=tok\n',
    );
  });

  it('refuses what would write a broken or leaking line', () => {
    expect(() => scopeNpmrc(['a'], 'http://127.0.0.1:1/')).toThrow('not a scope: a');
    expect(() => scopeNpmrc(['@a'], 'file:///tmp/x')).toThrow('not a registry URL');
    expect(() => scopeNpmrc(['@a'], 'http://127.0.0.1:1/', 'a b')).toThrow('token');
    expect(() => scopeNpmrc(['@a'], 'http://127.0.0.1:1/', '')).toThrow('token');
  });
});

describe('scopesOf and registryEnv', () => {
  it('finds the scopes of package names', () => {
    expect(scopesOf(['@x/a', '@x/b', '@y/c', 'plain'])).toEqual(['@x', '@y']);
  });

  it('points every scope, and nothing else, at one registry', () => {
    expect(registryEnv(['@x', '@y'], 'http://127.0.0.1:9/')).toEqual({
      'npm_config_@x:registry': 'http://127.0.0.1:9/',
      'npm_config_@y:registry': 'http://127.0.0.1:9/',
    });
  });
});
