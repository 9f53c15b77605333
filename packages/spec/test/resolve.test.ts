// The one resolver: references, allOf merges, and the errors it raises.
import { describe, expect, it } from 'vitest';
import { deref, flatten, objectShape, refName } from '../src/resolve.js';

const doc = {
  components: {
    schemas: {
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
      Named: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { properties: { name: { type: 'string' } }, required: ['name'] },
        ],
      },
      Alias: { $ref: '#/components/schemas/Named' },
      Loop: { $ref: '#/components/schemas/Loop' },
      'a/b': { type: 'string' },
    },
  },
};

describe('deref', () => {
  it('follows references to references', () => {
    expect(deref({ $ref: '#/components/schemas/Alias' }, doc)).toBe(doc.components.schemas.Named);
  });
  it('reads pointers from the component schemas alone, as the mocks hold them', () => {
    expect(deref({ $ref: '#/components/schemas/Base' }, doc.components.schemas)).toBe(
      doc.components.schemas.Base,
    );
  });
  it('unescapes pointer tokens', () => {
    expect(deref({ $ref: '#/components/schemas/a~1b' }, doc)).toEqual({ type: 'string' });
    expect(refName({ $ref: '#/components/schemas/a~1b' })).toBe('a/b');
  });
  it.each([
    ['#/components/schemas/Missing', /Unresolvable reference #\/components\/schemas\/Missing/],
    ['other.yaml#/X', /Only local references are supported, got other.yaml#\/X/],
    ['#/components/schemas/Loop', /refers to itself/],
  ])('refuses %s', (ref, message) => {
    expect(() => deref({ $ref: ref }, doc)).toThrow(message);
  });
});

describe('objectShape and flatten', () => {
  it('merges allOf parts behind references', () => {
    const shape = objectShape({ $ref: '#/components/schemas/Alias' }, doc);
    expect(Object.keys(shape.properties)).toEqual(['id', 'name']);
    expect(shape.required).toEqual(['id', 'name']);
    expect(shape.typed).toBe(true);
  });
  it('gives one schema of an allOf, own keywords last', () => {
    expect(
      flatten({ allOf: [{ type: 'integer', minimum: 1 }], maximum: 5, minimum: 2 }, doc),
    ).toEqual({ type: 'integer', minimum: 2, maximum: 5 });
  });
});
