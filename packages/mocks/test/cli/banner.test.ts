import { listOperations } from '@ofauth-mass-messages/spec';
import { describe, expect, it } from 'vitest';
import { banner, exampleNamesByStatus } from '../../src/cli/banner.js';
import { examplesOf } from '../helpers/spec.js';

describe('exampleNamesByStatus', () => {
  it("lists the spec's example names by status", () => {
    const names = exampleNamesByStatus();
    expect(names.get('200')).toEqual(Object.keys(examplesOf('listMassMessages', 200)));
    expect(names.get('429')).toEqual(['rateLimited']);
  });
});

describe('banner', () => {
  const text = banner('http://127.0.0.1:4010', 'examples', undefined);

  it('prints the base URL and both routes', () => {
    expect(text).toContain('base URL  http://127.0.0.1:4010');
    for (const { path } of listOperations()) expect(text).toContain(`http://127.0.0.1:4010${path}`);
  });

  it('tells how to pick each example and each error status', () => {
    for (const name of ['firstPage', 'lastPage', 'emptyPage'])
      expect(text).toContain(`example=${name}`);
    for (const status of ['401 (invalidApiKey)', '429 (rateLimited)', '500 (upstreamFailure)']) {
      expect(text).toContain(status);
    }
    expect(text).toContain('apiKey and x-connection-id');
  });

  it('names the mode and seed, and leaves example= out where it does not apply', () => {
    const dataset = banner('http://127.0.0.1:4010', 'dataset', 3);
    expect(dataset).toContain('dataset mode, seed 3');
    expect(dataset).not.toContain('example=firstPage');
  });
});
