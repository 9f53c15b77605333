import { describe, expect, it } from 'vitest';
import { resolveServerOptions, type ServerOptions } from '../src/options.js';

describe('resolveServerOptions', () => {
  it('defaults to 127.0.0.1:4010', () => {
    expect(resolveServerOptions()).toMatchObject({ host: '127.0.0.1', port: 4010 });
  });

  it('accepts port 0 (a free port)', () => {
    expect(resolveServerOptions({ port: 0 }).port).toBe(0);
  });

  it.each<[string, ServerOptions, string]>([
    ['a negative port', { port: -1 }, 'port must be an integer from 0 to 65535, got -1'],
    ['a port above 65535', { port: 65_536 }, 'port must be an integer from 0 to 65535, got 65536'],
    ['a fractional port', { port: 1.5 }, 'port must be an integer from 0 to 65535, got 1.5'],
    ['an empty host', { host: ' ' }, 'host must be a host name or address, got " "'],
    ['a zero start timeout', { startTimeoutMs: 0 }, 'startTimeoutMs must be an integer from 1'],
    ['prism as a string', { prism: 'no' as never }, 'prism must be true or false, got "no"'],
    ['onLog that is no function', { onLog: 'console' as never }, 'onLog must be a function'],
  ])('rejects %s with a TypeError naming it', (_case, options, message) => {
    expect(() => resolveServerOptions(options)).toThrow(TypeError);
    expect(() => resolveServerOptions(options)).toThrow(message);
  });

  it("leaves the mock's own options to the mocks package", () => {
    expect(() => resolveServerOptions({ mode: 'bogus' } as never)).not.toThrow();
  });
});
