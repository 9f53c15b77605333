import { describe, expect, it } from 'vitest';
import { resolveServerOptions, type ServerOptions } from '../src/options.js';

describe('resolveServerOptions', () => {
  it('defaults to 127.0.0.1:4010', () => {
    expect(resolveServerOptions()).toMatchObject({ host: '127.0.0.1', port: 4010 });
  });

  it('accepts port 0 (a free port)', () => {
    expect(resolveServerOptions({ port: 0 }).port).toBe(0);
  });

  it.each<[string, ServerOptions, RegExp]>([
    ['a negative port', { port: -1 }, /Invalid port: -1/],
    ['a port above 65535', { port: 65_536 }, /Invalid port: 65536/],
    ['a fractional port', { port: 1.5 }, /Invalid port: 1\.5/],
    ['an empty host', { host: ' ' }, /Invalid host/],
    ['a zero start timeout', { startTimeoutMs: 0 }, /Invalid startTimeoutMs: 0/],
  ])('rejects %s with a message naming it', (_case, options, message) => {
    expect(() => resolveServerOptions(options)).toThrow(message);
  });
});
