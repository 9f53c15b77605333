import { describe, expect, it } from 'vitest';
import { banner, exampleNamesByStatus } from '../../src/cli/banner.js';
import { spec } from '../helpers.js';

describe('exampleNamesByStatus', () => {
  it("lists the spec's example names by status", () => {
    const names = exampleNamesByStatus(spec);
    expect(names.get('200')).toEqual(
      Object.keys(spec.responses[spec.operations[0]?.operationId ?? '']?.['200']?.examples ?? {}),
    );
    expect(names.get('429')).toEqual(['rateLimited']);
  });
});

describe('banner', () => {
  const text = banner('http://127.0.0.1:4010', 'examples', undefined, spec);

  it('prints the base URL and every route', () => {
    expect(text).toContain('base URL  http://127.0.0.1:4010');
    for (const { path } of spec.operations) expect(text).toContain(`http://127.0.0.1:4010${path}`);
  });

  it('tells how to pick each example, each error status, a delay and a sequence', () => {
    for (const name of ['firstPage', 'lastPage', 'emptyPage'])
      expect(text).toContain(`example=${name}`);
    // Every documented error status with its examples' names, read from the spec data.
    for (const status of ['401', '429', '500']) {
      const names = Object.keys(
        spec.responses[spec.operations[0]?.operationId ?? '']?.[status]?.examples ?? {},
      );
      expect(names.length).toBeGreaterThan(0);
      expect(text).toContain(`${status} (${names.join(', ')})`);
    }
    expect(text).toContain('apiKey and x-connection-id');
    expect(text).toContain('Prefer: code=429, times=1');
    expect(text).toContain('Prefer: delay=800');
  });

  it('names the mode, seed and latency', () => {
    expect(banner('http://127.0.0.1:4010', 'dataset', 3, spec, 250)).toContain(
      'dataset mode (seed 3, latency 250 ms)',
    );
  });
});

describe('banner, by the address it listens on', () => {
  const WARNING = /Warning: .* is not a loopback address/;
  it.each([
    ['http://0.0.0.0:4010', '0.0.0.0'],
    ['http://[::]:4010', '::'],
    ['http://192.168.1.20:4010', '192.168.1.20'],
    ['http://mock.lan:4010', 'mock.lan'],
  ])('warns that anyone on the network can read the mock at %s', (url, host) => {
    const text = banner(url, 'dataset', 1, spec);
    expect(text).toMatch(WARNING);
    expect(text).toContain(`Warning: ${host} is not a loopback address`);
    expect(text).toMatch(/anyone who can reach this machine/);
    expect(text).toMatch(/--host 127\.0\.0\.1/);
  });

  it.each([
    'http://127.0.0.1:4010',
    'http://localhost:4010',
    'http://[::1]:4010',
    'http://127.0.0.2:4010',
  ])('says nothing of the network at %s', (url) => {
    expect(banner(url, 'dataset', 1, spec)).not.toMatch(/Warning|loopback/);
  });
});
