import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractStartError,
  parseListeningPort,
  redactSecrets,
  stripAnsi,
} from '../../src/prism/output.js';

/** Prism 5.14.2's real output (stdout and stderr together) for each failure. */
function recorded(name: string): string[] {
  return readFileSync(
    new URL(`../fixtures/prism-output/${name}.txt`, import.meta.url),
    'utf8',
  ).split('\n');
}

describe('parseListeningPort', () => {
  it.each([
    ['[4:38:40 PM] › [CLI] ▶  start     Prism is listening on http://127.0.0.1:32793', 32793],
    ['\u001b[32m▶  start\u001b[39m     Prism is listening on http://localhost:4010', 4010],
    ['[CLI] ▶  start     Prism is listening on http://::1:5000', 5000],
  ])('reads the port of %j', (line, port) => {
    expect(parseListeningPort(line)).toBe(port);
  });

  it.each([
    '[CLI] ℹ  info      GET        http://127.0.0.1:32793/v2/access/mass-messages?limit=5',
    '[CLI] …  awaiting  Starting Prism…',
  ])('ignores %j', (line) => {
    expect(parseListeningPort(line)).toBeUndefined();
  });
});

describe('extractStartError', () => {
  it.each([
    ['port-taken', 'listen EADDRINUSE: address already in use 127.0.0.1:4831'],
    ['no-operations', 'No operations found in the current file.'],
  ])("gives Prism's own reason for %s", (fixture, reason) => {
    expect(extractStartError(recorded(fixture))).toBe(reason);
  });

  it('gives the parser error of an unparseable document', () => {
    expect(extractStartError(recorded('unparseable'))).toMatch(
      /^Error parsing \S+unparseable\.yaml: .*unexpected end of the stream/,
    );
  });

  it('says so when Prism printed nothing useful', () => {
    expect(extractStartError([])).toBe('Prism exited without saying why');
  });
});

describe('redactSecrets', () => {
  it.each([
    ['apiKey: sk_live_123', 'apiKey: [redacted]'],
    [
      'GET /v2/access/mass-messages?apiKey=sk_live_123&limit=5',
      'GET /v2/access/mass-messages?apiKey=[redacted]&limit=5',
    ],
    ['{"apikey":"sk_live_123"}', '{"apikey":"[redacted]"}'],
    ['api_key=abc def', 'api_key=[redacted] def'],
  ])('redacts %j', (line, expected) => {
    expect(redactSecrets(line)).toBe(expected);
    expect(redactSecrets(line)).not.toMatch(/sk_live_123|abc/);
  });

  it('leaves lines without a key alone', () => {
    const line = '[HTTP SERVER] get /v2/access/mass-messages ℹ  info      Request received';
    expect(redactSecrets(line)).toBe(line);
  });
});

describe('stripAnsi', () => {
  it('removes colour codes', () => {
    expect(stripAnsi('\u001b[31mred\u001b[39m')).toBe('red');
  });
});
