// The text edits' one way to find and change a YAML document: by key paths, leaving every other
// line as written, and refusing loudly (naming the path) what it cannot find.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SpecEditError, snippet, YamlText } from '../src/yaml-text.js';

const text = `# a comment that stays
paths:
  /a/{id}:
    get:
      responses:
        "200":
          $ref: "#/components/responses/Page"
components:
  schemas:
    # the item
    Item:
      type: object
      required: [id, name]
      properties:
        id:
          type: integer
        name:
          type: string
          description: >-
            A folded description
            on two lines.
    Other:
      required: [id]
      properties:
        id:
          type: integer
  examples:
    First:
      value:
        - &one
          id: 1
          name: One
        - *one
`;

const edit = () => new YamlText(text, 'test');

describe('YamlText', () => {
  it('finds a block by its key path, quoted keys and templated paths included', () => {
    const doc = edit();
    expect(doc.valueOf(['paths', '/a/{id}', 'get', 'responses', '200', '$ref'])).toBe(
      '"#/components/responses/Page"',
    );
    expect(doc.blockText(['components', 'schemas', 'Item', 'properties', 'name'])).toHaveLength(5);
  });

  it('names the path it cannot find, or finds twice', () => {
    expect(() => edit().find(['components', 'schemas', 'Missing'])).toThrow(
      new SpecEditError('spec edit test: "components" → "schemas" → "Missing" not found'),
    );
    const twice = new YamlText('a:\n  b: 1\n  b: 2\n', 'test');
    expect(() => twice.find(['a', 'b'])).toThrow(/"a" → "b" found 2 times/);
  });

  it('edits a one-line flow list and a one-line value', () => {
    const doc = edit();
    const path = ['components', 'schemas', 'Item', 'required'];
    doc.setFlowList(path, [...doc.flowList(path), 'extra']);
    doc.setValue(
      ['components', 'schemas', 'Item', 'properties', 'id', 'type'],
      '[integer, "null"]',
    );
    const schema = parse(doc.toString()).components.schemas.Item;
    expect(schema.required).toEqual(['id', 'name', 'extra']);
    expect(schema.properties.id.type).toEqual(['integer', 'null']);
    expect(doc.toString()).toContain('# a comment that stays\n');
    expect(doc.toString()).toContain('    # the item\n');
  });

  it('refuses a list written over several lines, and a block as a one-line value', () => {
    const doc = new YamlText('a:\n  required:\n    - id\n', 'test');
    expect(() => doc.flowList(['a', 'required'])).toThrow(/is not a one-line flow list/);
    expect(() => doc.setValue(['a', 'required'], '[]')).toThrow(/is not a one-line value/);
  });

  it('appends to a mapping at its children’s indentation, and removes a key with its block', () => {
    const doc = edit();
    doc.appendTo(
      ['components', 'schemas', 'Item', 'properties'],
      snippet(`
      extra:
        type: boolean
    `),
    );
    doc.remove(['components', 'schemas', 'Item', 'properties', 'name']);
    const schema = parse(doc.toString()).components.schemas;
    expect(Object.keys(schema.Item.properties)).toEqual(['id', 'extra']);
    expect(schema.Other.required).toEqual(['id']);
  });

  it('replaces a value by a block, and copies a block out at column 0', () => {
    const doc = edit();
    doc.replaceValue(
      ['paths', '/a/{id}', 'get', 'responses', '200'],
      [
        'description: inline',
        ...['schema:', ...doc.childText(['components', 'schemas', 'Other']).map((l) => `  ${l}`)],
      ],
    );
    const ok = parse(doc.toString()).paths['/a/{id}'].get.responses['200'];
    expect(ok).toEqual({
      description: 'inline',
      schema: { required: ['id'], properties: { id: { type: 'integer' } } },
    });
  });

  it('adds a sibling before every key of an example, anchors kept, and removes one-line keys', () => {
    const doc = edit();
    for (const at of doc.keyLines(['components', 'examples'], 'name'))
      doc.insertBefore(at, 'extra: 1');
    const [first] = parse(doc.toString()).components.examples.First.value;
    expect(first).toEqual({ id: 1, extra: 1, name: 'One' });
    expect(parse(doc.toString()).components.examples.First.value[1]).toEqual(first);
    for (const at of doc.keyLines(['components', 'examples'], 'extra')) doc.removeLine(at);
    expect(doc.toString()).toBe(text);
  });

  it('refuses a sibling before a key that opens a list item, and removing a block by line', () => {
    const doc = new YamlText('ex:\n  - id: 1\n    media:\n      - 2\n', 'test');
    const [id] = doc.keyLines(['ex'], 'id') as [number];
    expect(() => doc.insertBefore(id, 'x: 1')).toThrow(/opens a list item/);
    const [media] = doc.keyLines(['ex'], 'media') as [number];
    expect(() => doc.removeLine(media)).toThrow(/not on its own line/);
  });
});
