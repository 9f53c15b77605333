// The shared response validator: every example in the spec passes, realistic sparse payloads
// pass, and broken ones fail with the JSON path and rule named.

import { deref, documentOperation, documentOperations } from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { describe, expect, it } from 'vitest';
import { formatIssues, SpecValidator, validateResponse } from '../src/index.js';

const doc = readDocument();
const resolveRef = <T>(value: unknown) => deref<T>(value, doc);

import { sparseMassMessagesPage, sparsePurchasedPage } from './fixtures/payloads.js';

type Examples = Record<string, { value: unknown }>;

/** Every named example of every response of every operation, resolved. */
function allExamples(): Array<[string, string, string, unknown]> {
  const rows: Array<[string, string, string, unknown]> = [];
  for (const { operation } of documentOperations(doc)) {
    const operationId = String(operation.operationId);
    for (const [status, ref] of Object.entries(operation.responses as Record<string, unknown>)) {
      const response = resolveRef<{ content?: Record<string, { examples?: Examples }> }>(ref);
      const examples = response.content?.['application/json']?.examples ?? {};
      for (const [name, example] of Object.entries(examples)) {
        rows.push([operationId, status, name, resolveRef<{ value: unknown }>(example).value]);
      }
    }
  }
  return rows;
}

describe('examples in the spec', () => {
  const rows = allExamples();

  it('covers a first, last and empty page for both operations and every error', () => {
    const names = rows.map(([op, status, name]) => `${op} ${status} ${name}`);
    for (const op of ['listMassMessages', 'listPurchasedMassMessages']) {
      for (const name of ['firstPage', 'lastPage', 'emptyPage']) {
        expect(names).toContain(`${op} 200 ${name}`);
      }
      for (const status of ['400', '401', '403', '404', '429', '500']) {
        expect(names.some((n) => n.startsWith(`${op} ${status} `))).toBe(true);
      }
    }
  });

  it.each(rows)('%s %s %s validates', (operationId, status, _name, value) => {
    const result = validateResponse(operationId, status, value);
    expect(formatIssues(operationId, result)).toBe('');
    expect(result.valid).toBe(true);
  });

  it.each(rows.filter(([, status, name]) => status === '200' && name === 'lastPage'))(
    '%s lastPage has hasMore false',
    (_op, _status, _name, value) => {
      expect((value as { hasMore: boolean }).hasMore).toBe(false);
    },
  );
});

describe('realistic payloads', () => {
  it.each([
    ['listMassMessages', sparseMassMessagesPage],
    ['listPurchasedMassMessages', sparsePurchasedPage],
  ])('%s with optional fields missing and nullable fields null validates', (op, body) => {
    const result = validateResponse(op, 200, body);
    expect(formatIssues(op, result)).toBe('');
  });

  it('accepts both documented sender shapes', () => {
    for (const fromUser of [
      { id: 1, name: 'Mia' },
      { id: 1, _view: 's' },
    ]) {
      const body = structuredClone(sparseMassMessagesPage);
      const [message] = body.list;
      if (message) message.fromUser = fromUser as typeof message.fromUser;
      expect(validateResponse('listMassMessages', 200, body).valid).toBe(true);
    }
  });
});

describe('broken payloads are rejected with the path and rule', () => {
  type Item = Record<string, unknown>;
  type Body = { hasMore: unknown; list?: Item[] };
  /** A fresh copy of the sparse page and its first message, for one mutation. */
  const fresh = (): [Body, Item, Item] => {
    const body = structuredClone(sparseMassMessagesPage) as unknown as Body;
    const message = body.list?.[0] as Item;
    const media = (message.media as Item[])[0] as Item;
    return [body, message, media];
  };
  type Mutation = (body: Body, message: Item, media: Item) => void;
  // name, mutation, JSON path named in the error, rule named in the error
  const cases: Array<[string, Mutation, string, string]> = [
    [
      'id as a string',
      (_b, m) => {
        m.id = '2950011842';
      },
      '$.list[0].id',
      'type',
    ],
    [
      'text missing',
      (_b, m) => {
        delete m.text;
      },
      '$.list[0]',
      'required',
    ],
    [
      'unknown media type',
      (_b, _m, media) => {
        media.type = 'sticker';
      },
      '$.list[0].media[0].type',
      'enum',
    ],
    [
      'media id missing',
      (_b, _m, media) => {
        delete media.id;
      },
      '$.list[0].media[0]',
      'required',
    ],
    [
      'hasMore as a string',
      (b) => {
        b.hasMore = 'false';
      },
      '$.hasMore',
      'type',
    ],
    [
      'price as a number',
      (_b, m) => {
        m.price = 5;
      },
      '$.list[0].price',
      'type',
    ],
    [
      'previews as media objects',
      (_b, m) => {
        m.previews = [{ id: 1 }];
      },
      '$.list[0].previews[0]',
      'type',
    ],
    [
      'sender of neither shape',
      (_b, m) => {
        m.fromUser = { id: 1 };
      },
      '$.list[0].fromUser',
      'anyOf',
    ],
    [
      'giphyId as a number',
      (_b, m) => {
        m.giphyId = 7;
      },
      '$.list[0].giphyId',
      'type',
    ],
    [
      'list missing',
      (b) => {
        delete b.list;
      },
      '$',
      'required',
    ],
  ];

  it.each(cases)('%s', (_name, mutate, path, keyword) => {
    const [body, message, media] = fresh();
    mutate(body, message, media);
    const result = validateResponse('listMassMessages', 200, body);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual(expect.objectContaining({ path, keyword }));
    expect(formatIssues('listMassMessages', result)).toContain(`listMassMessages: ${path}`);
  });

  it('names the component schema that holds the broken rule', () => {
    const [body, message] = fresh();
    delete message.text;
    message.id = 'x';
    const result = validateResponse('listMassMessages', 200, body);
    expect(result.errors.map((e) => e.schemaPath)).toEqual(
      expect.arrayContaining([
        '#/components/schemas/MassMessage/required',
        '#/components/schemas/MassMessage/properties/id/type',
      ]),
    );
  });

  it('rejects a purchased item whose previews are media ids', () => {
    const body = structuredClone(sparsePurchasedPage) as { items: Array<Record<string, unknown>> };
    const [item] = body.items;
    if (item) item.previews = [3811920455];
    const result = validateResponse('listPurchasedMassMessages', 200, body);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ path: '$.items[0].previews[0]', keyword: 'type' }),
    );
  });

  it('validates error bodies per status, and reports undeclared statuses', () => {
    expect(validateResponse('listMassMessages', 429, { message: 'slow down' }).valid).toBe(true);
    expect(validateResponse('listMassMessages', 429, { message: 42 }).valid).toBe(false);
    const undeclared = validateResponse('listMassMessages', 418, {});
    expect(undeclared.errors[0]?.message).toContain('declares no JSON response for status 418');
  });

  it('names unknown operations', () => {
    expect(() => documentOperation(doc, 'deleteEverything')).toThrow(
      /Unknown operationId "deleteEverything"/,
    );
    expect(() => new SpecValidator(doc).validateResponse('nope', 200, {})).toThrow(/nope/);
  });
});

describe('formats', () => {
  // A copy whose purchased item has a date-time field: strict Ajv refused such a schema before
  // it knew formats, and a value that breaks the format must fail like any other rule.
  const withFormat = structuredClone(doc);
  const schemas = withFormat.components?.schemas as Record<string, Record<string, unknown>>;
  const item = schemas.PurchasedMassMessage as { properties: Record<string, unknown> };
  item.properties.date = { type: 'string', format: 'date-time' };
  const validator = new SpecValidator(withFormat);
  const page = (date: string) => ({
    items: [{ id: 1, date, text: 't', media: [], previews: [], releaseForms: [] }],
    hasMore: false,
  });

  it.each([
    ['2026-11-21T09:00:00+00:00', true],
    ['2026-11-21T09:00:00Z', true],
    ['2026-11-21', false],
    ['21 November 2026', false],
  ])('date-time %j: valid %s', (date, valid) => {
    const result = validator.validateResponse('listPurchasedMassMessages', 200, page(date));
    expect(result.valid).toBe(valid);
    if (!valid)
      expect(result.errors[0]).toMatchObject({ path: '$.items[0].date', keyword: 'format' });
  });
});
