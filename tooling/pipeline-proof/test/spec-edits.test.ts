// The edits themselves, on the real openapi.yaml: each writes what its row says (and the unedited
// document does not have it), yields a document the spec package's operations table accepts
// (the removed operation's users aside, refused by name), keeps the examples valid against the
// edited schemas, leaves comments and anchors as written, and refuses a spec it cannot find its
// way in, naming what it looked for.
import { readFileSync } from 'node:fs';
import {
  buildOperations,
  documentOperation,
  type JsonObject,
  jsonResponse,
  type OpenApiDocument,
} from '@ofauth-mass-messages/spec';
import { formatIssues, SpecValidator } from '@ofauth-mass-messages/spec-validator';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EDIT_ROWS } from '../src/edit-rows.js';
import {
  addOptionalFieldAndEnumValue,
  BUYERS,
  CHART,
  PURCHASED_PATH,
  retypeHasMore,
} from '../src/spec-edits.js';
import { SpecEditError } from '../src/yaml-text.js';

const spec = readFileSync(new URL('../../../packages/spec/openapi.yaml', import.meta.url), 'utf8');
const read = (text: string) => parse(text) as OpenApiDocument;
const original = read(spec);
const table = (doc: OpenApiDocument) => buildOperations(doc as unknown as JsonObject);
const byId = (doc: OpenApiDocument) =>
  Object.fromEntries(table(doc).map((operation) => [operation.operationId, operation]));
/** Comment lines and YAML anchors: what a person's edit keeps as written. */
const kept = (text: string) => ({
  comments: text.split('\n').filter((line) => line.trim().startsWith('#')),
  anchors: text.match(/&\w+/g),
});

describe.each(EDIT_ROWS.map((row) => [row.n, row.title, row] as const))(
  'edit %i: %s',
  (_n, _title, row) => {
    const edited = row.edit(spec);
    const doc = read(edited);

    it('writes what the row looks for, which the unedited document lacks', () => {
      expect(row.inDocument(doc as unknown as JsonObject)).toEqual([]);
      expect(row.inDocument(original as unknown as JsonObject)).not.toEqual([]);
    });

    it('yields a document the operations table accepts', () => {
      const operations = table(doc).map((op) => op.operationId);
      if (row.served) expect(operations).toContain(row.operationId);
      else {
        expect(operations).not.toContain(row.operationId);
        // What the removed operation's users meet: the document no longer has it, by name.
        expect(() => documentOperation(doc as unknown as JsonObject, row.operationId)).toThrow(
          `Unknown operationId "${row.operationId}"`,
        );
      }
    });

    it('keeps every 200 example valid against the edited schemas', () => {
      const validator = new SpecValidator(doc);
      const broken = table(doc).flatMap((operation) => {
        const { operation: object } = documentOperation(
          doc as unknown as JsonObject,
          operation.operationId,
        );
        const examples =
          jsonResponse(object.responses, 200, doc as unknown as JsonObject)?.examples ?? {};
        return Object.entries(examples).flatMap(([name, value]) => {
          const result = validator.validateResponse(operation.operationId, 200, value);
          return result.valid ? [] : [`${name}: ${formatIssues(operation.operationId, result)}`];
        });
      });
      expect(broken).toEqual([]);
    });

    it('keeps the comments and anchors as written', () => {
      expect(kept(edited)).toEqual(kept(spec));
    });

    it('refuses to apply twice (a field, a value or a path already there)', () => {
      expect(() => row.edit(edited)).toThrow(SpecEditError);
    });

    it('refuses a spec it cannot find its way in, naming what it looked for', () => {
      expect(() => row.edit('openapi: 3.1.0\npaths: {}\n')).toThrow(SpecEditError);
      expect(() => row.edit('openapi: 3.1.0\n')).toThrow(/spec edit \w+: .+/);
    });
  },
);

describe('what each edit does to the operations table', () => {
  const before = byId(original);

  it('the schema edits (1–5) leave every operation as it was', () => {
    for (const row of EDIT_ROWS.filter((r) => r.n <= 5)) {
      expect(byId(read(row.edit(spec))), row.title).toEqual(before);
    }
  });

  it('an inline page is the same operation, only its page schema no longer named', () => {
    const row = EDIT_ROWS.find((r) => r.n === 6);
    const after = byId(read(row?.edit(spec) ?? ''));
    const { pageSchema, ...purchased } = before.listPurchasedMassMessages as {
      pageSchema?: string;
    };
    expect(pageSchema).toBe('PurchasedMassMessagesPage');
    expect(after.listPurchasedMassMessages).toEqual(purchased);
    expect(after.listMassMessages).toEqual(before.listMassMessages);
  });

  it('the path-parameter operation is an offset-paged page under a required path parameter', () => {
    const after = byId(read(EDIT_ROWS.find((r) => r.n === 7)?.edit(spec) ?? ''));
    expect(after[BUYERS.operationId]).toMatchObject({
      kind: 'page',
      paging: 'offset',
      path: BUYERS.path,
      itemsField: 'list',
      itemSchema: 'MassMessageBuyer',
      pathParams: [{ name: 'id', in: 'path', type: 'integer', required: true }],
    });
  });

  it('the single-object operation is an object with date and boolean parameters', () => {
    const after = byId(read(EDIT_ROWS.find((r) => r.n === 8)?.edit(spec) ?? ''));
    expect(after[CHART.operationId]).toMatchObject({
      kind: 'object',
      path: CHART.path,
      schema: 'MassMessagesChart',
      query: [
        { name: 'startDate', type: 'string', format: 'date' },
        { name: 'endDate', type: 'string', format: 'date' },
        { name: 'withTotal', type: 'boolean' },
      ],
    });
  });

  it('the removed operation is gone, and nothing else', () => {
    const after = byId(read(EDIT_ROWS.find((r) => r.n === 9)?.edit(spec) ?? ''));
    const { listPurchasedMassMessages, ...rest } = before;
    expect(listPurchasedMassMessages?.path).toBe(PURCHASED_PATH);
    expect(after).toEqual(rest);
  });
});

describe('the regeneration proof’s edits', () => {
  type Doc = {
    components: {
      schemas: Record<
        string,
        { required?: string[]; properties?: Record<string, unknown>; enum?: string[] }
      >;
      examples: Record<string, { value: { items: Array<Record<string, unknown>> } }>;
    };
  };

  it('adds an optional field, its example value and an enum value', () => {
    const doc = parse(addOptionalFieldAndEnumValue(spec)) as Doc;
    expect(doc.components.schemas.PurchasedMassMessage?.properties).toHaveProperty('campaignName');
    expect(doc.components.schemas.PurchasedMassMessage?.required).not.toContain('campaignName');
    expect(doc.components.schemas.MediaType?.enum).toContain('sticker');
    expect(doc.components.examples.PurchasedFirstPage?.value.items[0]?.campaignName).toBe(
      'Black Friday 2026',
    );
    expect(doc.components.examples.PurchasedFirstPage?.value.items[1]).not.toHaveProperty(
      'campaignName',
    );
  });

  it('retypes hasMore on the list page only, which the table refuses by name', () => {
    const doc = parse(retypeHasMore(spec)) as Doc & OpenApiDocument;
    const hasMore = (name: string) =>
      (doc.components.schemas[name] as { properties: Record<string, { type: string }> }).properties
        .hasMore?.type;
    expect(hasMore('MassMessagesPage')).toBe('string');
    expect(hasMore('PurchasedMassMessagesPage')).toBe('boolean');
    expect(() => table(doc)).toThrow(
      /listMassMessages \(GET \/v2\/access\/mass-messages\): its 200 body has "hasMore" but is not a page/,
    );
  });

  it.each([
    ['addOptionalFieldAndEnumValue', addOptionalFieldAndEnumValue],
    ['retypeHasMore', retypeHasMore],
  ])('%s refuses a spec it cannot find its anchor in', (name, edit) => {
    expect(() => edit('openapi: 3.1.0\n')).toThrow(
      new RegExp(`spec edit ${name}: "components" not found`),
    );
  });
});
