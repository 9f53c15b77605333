// The edits themselves: they change what they say, and refuse a spec they cannot find their way in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addOptionalFieldAndEnumValue, retypeHasMore } from '../src/spec-edits.js';

const spec = readFileSync(new URL('../../../packages/spec/openapi.yaml', import.meta.url), 'utf8');
type Doc = {
  components: {
    schemas: Record<
      string,
      { required?: string[]; properties?: Record<string, unknown>; enum?: string[] }
    >;
    examples: Record<string, { value: { items: Array<Record<string, unknown>> } }>;
  };
};

describe('spec edits', () => {
  it('adds an optional field, its example value and an enum value', () => {
    const doc = parse(addOptionalFieldAndEnumValue(spec)) as Doc;
    expect(doc.components.schemas.PurchasedMassMessage?.properties).toHaveProperty('campaignName');
    expect(doc.components.schemas.PurchasedMassMessage?.required).not.toContain('campaignName');
    expect(doc.components.schemas.MediaType?.enum).toContain('sticker');
    expect(doc.components.examples.PurchasedFirstPage?.value.items[0]?.campaignName).toBe(
      'Black Friday 2026',
    );
  });

  it('retypes hasMore on the list page only', () => {
    const doc = parse(retypeHasMore(spec)) as Doc;
    const hasMore = (name: string) =>
      (doc.components.schemas[name] as { properties: Record<string, { type: string }> }).properties
        .hasMore?.type;
    expect(hasMore('MassMessagesPage')).toBe('string');
    expect(hasMore('PurchasedMassMessagesPage')).toBe('boolean');
  });

  it.each([
    ['addOptionalFieldAndEnumValue', addOptionalFieldAndEnumValue],
    ['retypeHasMore', retypeHasMore],
  ])('%s refuses a spec it cannot find its anchor in', (_name, edit) => {
    expect(() => edit('openapi: 3.1.0\n')).toThrow(/spec edit/);
  });
});
