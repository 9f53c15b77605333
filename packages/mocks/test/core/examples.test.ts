import { readDocument } from '@ofauth-mass-messages/spec/node';
// Examples mode's page sequence: the spec's examples laid end to end, then the empty one.
import { describe, expect, it } from 'vitest';
import { examplePages } from '../../src/core/examples.js';
import { readSpecData } from '../../src/spec/read.js';
import { PAGES } from '../helpers/http.js';

const spec = readSpecData(readDocument());

describe.each(PAGES)('examplePages($operationId)', (operation) => {
  const examples = spec.responses[operation.operationId]?.['200']?.examples ?? {};
  const field = operation.itemsField;
  const pages = examplePages(spec, operation);
  const first = examples.firstPage as Record<string, unknown[]>;
  const last = examples.lastPage as Record<string, unknown[]>;
  const firstCount = first[field]?.length ?? 0;
  // Room for a whole example whether or not the operation documents a largest page.
  const whole = operation.pageSize?.maximum ?? 100;

  it('serves firstPage at offset 0, lastPage after it, emptyPage past the end', () => {
    expect(pages.page(0, whole)).toEqual(first);
    expect(pages.page(firstCount, whole)).toEqual(last);
    expect(pages.page(pages.total, whole)).toEqual(examples.emptyPage);
    expect(pages.page(pages.total + 50, 1)).toEqual(examples.emptyPage);
  });

  it('counts the items of the examples', () => {
    expect(pages.total).toBe(firstCount + (last[field]?.length ?? 0));
  });

  it('honours a limit smaller than a page, and an offset inside one', () => {
    const one = pages.page(0, 1);
    expect(one[field]).toEqual(first[field]?.slice(0, 1));
    expect(one.hasMore).toBe(true);
    expect(pages.page(1, 1)[field]).toEqual(first[field]?.slice(1, 2));
  });
});
