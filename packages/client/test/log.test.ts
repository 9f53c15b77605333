// The debug switch: the logLevel option, else OFAUTH_LOG from the environment, read safely where
// there is no `process` or where reading the environment throws (Deno without --allow-env).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { debugLog, type Logger } from '../src/log.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

function collecting() {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (line) => lines.push(`debug ${line}`),
    info: (line) => lines.push(`info ${line}`),
    warn: (line) => lines.push(`warn ${line}`),
    error: (line) => lines.push(`error ${line}`),
  };
  return { lines, logger };
}

describe('debugLog', () => {
  it('writes to the logger’s debug when logLevel is debug', () => {
    const { lines, logger } = collecting();
    debugLog(logger, 'debug')?.('hello');
    expect(lines).toEqual(['debug hello']);
  });

  it.each(['info', 'warn', 'error', 'off'] as const)('is off at logLevel %s', (level) => {
    vi.stubEnv('OFAUTH_LOG', 'debug');
    expect(debugLog(collecting().logger, level)).toBeUndefined();
  });

  it('follows OFAUTH_LOG=debug without a logLevel', () => {
    vi.stubEnv('OFAUTH_LOG', 'debug');
    const { lines, logger } = collecting();
    debugLog(logger, undefined)?.('from env');
    expect(lines).toEqual(['debug from env']);
  });

  it('is off without a logLevel or OFAUTH_LOG', () => {
    vi.stubEnv('OFAUTH_LOG', undefined);
    expect(debugLog(collecting().logger, undefined)).toBeUndefined();
  });

  it('is off, without throwing, where there is no process (a browser)', () => {
    vi.stubGlobal('process', undefined);
    const off = debugLog(collecting().logger, undefined);
    vi.unstubAllGlobals();
    expect(off).toBeUndefined();
  });

  it('is off, without throwing, where reading the environment throws', () => {
    vi.stubGlobal('process', {
      get env(): never {
        throw new Error('Requires env access');
      },
    });
    const off = debugLog(collecting().logger, undefined);
    vi.unstubAllGlobals();
    expect(off).toBeUndefined();
  });
});
