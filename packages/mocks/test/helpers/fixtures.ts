// Copies of the spec's bundle with the edits a contributor makes (what the pipeline proof's edit
// table rehearses), each a fixture the mock must serve with no other edit: operations of the
// shapes the vendor has (the successor list without offset, a single-object chart, a per-message
// route with a path parameter) and everyday schema edits (a required field, a nested required
// field, an enum value, a nullable change, a removed field).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { operations } from '@ofauth-mass-messages/spec/operations';

type Json = Record<string, unknown>;

function operationPath(operationId: string): string {
  const operation = operations.find((op) => op.operationId === operationId);
  if (!operation) throw new Error(`the spec has no operation ${operationId}`);
  return operation.path;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** The error responses every operation of the spec documents. */
const ERRORS = {
  '400': responseRef('BadRequest'),
  '401': responseRef('Unauthorized'),
  '403': responseRef('AnalyticsForbidden'),
  '404': responseRef('NotFound'),
  '429': responseRef('TooManyRequests'),
  '500': responseRef('InternalServerError'),
  '502': responseRef('BadGateway'),
  '503': responseRef('ServiceUnavailable'),
};

/** The spec's successor list: its path from the operations table, not written again here. */
export const SENT = {
  operationId: 'listSentMassMessages',
  path: operationPath('listSentMassMessages'),
};
export const CHART = {
  operationId: 'getMassMessagesChart',
  path: '/v2/access/analytics/mass-messages/chart',
};
export const BUYERS = {
  operationId: 'listMassMessageBuyers',
  path: '/v2/access/analytics/mass-messages/{id}/buyers',
};

/**
 * The same page written inline, its item an `allOf` of the purchased item: another valid spelling
 * of the spec's own `listSentMassMessages` (whose 200 is the `PurchasedPage` response), the rest of
 * the operation as the spec writes it.
 */
function inlineSentOperation(doc: OpenApiDocument): Json {
  const get = structuredClone((doc.paths[SENT.path] as Json).get) as Json;
  get.responses = {
    ...(get.responses as Json),
    '200': {
      description: 'Successful response',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['items', 'hasMore'],
            properties: {
              items: { type: 'array', items: { allOf: [ref('PurchasedMassMessage')] } },
              hasMore: { type: 'boolean' },
            },
          },
        },
      },
    },
  };
  return { get };
}

/** The vendor's chart: one object of charts and totals, a date range and `withTotal`. */
function chartOperation(): Json {
  return {
    get: {
      operationId: CHART.operationId,
      tags: ['Analytics'],
      summary: 'Mass messages chart',
      parameters: [
        { name: 'startDate', in: 'query', schema: { type: 'string', format: 'date' } },
        { name: 'endDate', in: 'query', schema: { type: 'string', format: 'date' } },
        { name: 'withTotal', in: 'query', schema: { type: 'boolean' } },
      ],
      responses: {
        '200': {
          description: 'The chart',
          content: { 'application/json': { schema: ref('MassMessagesChart') } },
        },
        ...ERRORS,
      },
    },
  };
}

const CHART_SCHEMA = {
  type: 'object',
  description: 'Sends, views and purchases per day, and their totals.',
  required: ['chart'],
  properties: {
    chart: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['date', 'sent', 'viewed'],
        properties: {
          date: { type: 'string', format: 'date' },
          sent: { type: 'integer', minimum: 0 },
          viewed: { type: 'integer', minimum: 0 },
          purchased: { type: ['integer', 'null'], minimum: 0 },
        },
      },
    },
    total: {
      type: 'object',
      required: ['sent', 'viewed', 'revenue'],
      properties: {
        sent: { type: 'integer', minimum: 0 },
        viewed: { type: 'integer', minimum: 0 },
        revenue: ref('Price'),
        currency: { type: 'string', enum: ['USD'] },
      },
    },
  },
};

/** Per-message buyers: a path parameter, offset paging, items of a schema of their own. */
function buyersOperation(): Json {
  return {
    parameters: [
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The mass message.',
        schema: { type: 'integer', minimum: 1 },
      },
    ],
    get: {
      operationId: BUYERS.operationId,
      tags: ['Analytics'],
      summary: 'Buyers of a mass message',
      parameters: [
        {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
        },
        { $ref: '#/components/parameters/Offset' },
      ],
      responses: {
        '200': {
          description: 'A page of buyers',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['list', 'hasMore'],
                properties: {
                  list: { type: 'array', items: ref('MassMessageBuyer') },
                  hasMore: { type: 'boolean' },
                },
              },
            },
          },
        },
        ...ERRORS,
      },
    },
  };
}

const BUYER_SCHEMA = {
  type: 'object',
  required: ['id', 'username', 'purchasedAt', 'price'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    username: { type: 'string', pattern: '^u[0-9]{6,9}$' },
    name: { type: 'string', minLength: 2, maxLength: 40 },
    purchasedAt: { type: 'string', format: 'date-time' },
    price: ref('Price'),
  },
};

/**
 * The bundle with the vendor-shaped operations it lacks added (the sent list is the spec's own;
 * `inlineSentPage` writes its page inline).
 */
export function withNewShapes(options: { inlineSentPage?: boolean } = {}): OpenApiDocument {
  const doc = structuredClone(readDocument());
  if (options.inlineSentPage === true) doc.paths[SENT.path] = inlineSentOperation(doc);
  doc.paths[CHART.path] = chartOperation();
  doc.paths[BUYERS.path] = buyersOperation();
  const schemas = doc.components?.schemas as Json;
  schemas.MassMessagesChart = CHART_SCHEMA;
  schemas.MassMessageBuyer = BUYER_SCHEMA;
  return doc;
}

type ObjectSchema = Json & { properties: Record<string, unknown>; required: string[] };
type SchemaMap = Record<string, ObjectSchema>;

/** A component schema of the copy, which every edit below expects to be there. */
function named(schemas: SchemaMap, name: string): ObjectSchema {
  const schema = schemas[name];
  if (!schema) throw new Error(`The bundle has no schema ${name}`);
  return schema;
}

/** One schema edit: a name, and what it does to a copy of the bundle. */
export interface SchemaEdit {
  name: string;
  edit(schemas: SchemaMap, doc: OpenApiDocument): void;
  /**
   * What the contributor changes in the spec's examples so that they still validate (the spec's
   * own tests hold every example to its schema): called with every object inside an example.
   */
  examples?(object: Json): void;
}

/** Calls `visit` with every object inside the document's named examples. */
function eachExampleObject(doc: OpenApiDocument, visit: (object: Json) => void): void {
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      visit(value as Json);
      Object.values(value).forEach(walk);
    }
  };
  for (const example of Object.values((doc.components?.examples ?? {}) as Json)) {
    walk((example as Json).value);
  }
}

const isListItem = (o: Json) => 'fromUser' in o;
const isPurchasedItem = (o: Json) => 'releaseForms' in o && 'previews' in o && !('fromUser' in o);

export const SCHEMA_EDITS: SchemaEdit[] = [
  {
    name: 'a required field (with a pattern) on MassMessage',
    edit: (schemas) => {
      named(schemas, 'MassMessage').properties.campaignId = {
        type: 'string',
        pattern: '^cmp_[a-z0-9]{8}$',
      };
      named(schemas, 'MassMessage').required.push('campaignId');
    },
    examples: (o) => {
      if (isListItem(o)) o.campaignId = 'cmp_a1b2c3d4';
    },
  },
  {
    name: 'a required date-time field on PurchasedMassMessage',
    edit: (schemas) => {
      named(schemas, 'PurchasedMassMessage').properties.sentAt = {
        type: 'string',
        format: 'date-time',
      };
      named(schemas, 'PurchasedMassMessage').required.push('sentAt');
    },
    examples: (o) => {
      if (isPurchasedItem(o)) o.sentAt = o.date;
    },
  },
  {
    name: 'a nested required field (Media gains a required blurhash of 6 to 30 characters)',
    edit: (schemas) => {
      named(schemas, 'Media').properties.blurhash = { type: 'string', minLength: 6, maxLength: 30 };
      named(schemas, 'Media').required.push('blurhash');
    },
    examples: (o) => {
      if ('convertedToVideo' in o) o.blurhash = 'LEHV6nWB2yk8';
    },
  },
  {
    name: 'a deeper nested required field (a release form gains a required signedAt date)',
    edit: (schemas) => {
      named(schemas, 'ReleaseForm').properties.signedAt = { type: 'string', format: 'date' };
      named(schemas, 'ReleaseForm').required.push('signedAt');
    },
    examples: (o) => {
      if ('partnerSource' in o) o.signedAt = '2026-11-01';
    },
  },
  {
    name: 'an enum value (MediaType gains "document"; the type filter gains "archived")',
    edit: (schemas, doc) => {
      (named(schemas, 'MediaType') as unknown as { enum: string[] }).enum.push('document');
      const list = doc.paths['/v2/access/mass-messages']?.get as { parameters: Json[] };
      const type = list.parameters.find((p) => p.name === 'type') as { schema: { enum: string[] } };
      type.schema.enum.push('archived');
    },
  },
  {
    name: 'an enum value removed (MediaType loses "audio")',
    edit: (schemas) => {
      const media = named(schemas, 'MediaType') as unknown as { enum: string[] };
      media.enum = media.enum.filter((type) => type !== 'audio');
    },
  },
  {
    name: 'nullable changes (price may be null; giphyId may not; text may be null)',
    edit: (schemas) => {
      named(schemas, 'MassMessage').properties.price = { anyOf: [ref('Price'), { type: 'null' }] };
      named(schemas, 'MassMessage').properties.giphyId = { type: 'string', minLength: 3 };
      named(schemas, 'PurchasedMassMessage').properties.giphyId = { type: 'string', minLength: 3 };
      named(schemas, 'PurchasedMassMessage').properties.text = { type: ['string', 'null'] };
    },
    examples: (o) => {
      if ((isListItem(o) || isPurchasedItem(o)) && o.giphyId === null) o.giphyId = 'tHIRLHtN';
    },
  },
  {
    name: 'removed fields (price and sentCount on both items; releaseForms on the purchased one)',
    edit: (schemas) => {
      for (const name of ['MassMessage', 'PurchasedMassMessage']) {
        const schema = named(schemas, name);
        delete schema.properties.price;
        delete schema.properties.sentCount;
      }
      const purchased = named(schemas, 'PurchasedMassMessage');
      delete purchased.properties.releaseForms;
      purchased.required = purchased.required.filter((name) => name !== 'releaseForms');
    },
  },
  {
    name: 'a type change (mediaCount becomes a string of digits)',
    edit: (schemas) => {
      for (const name of ['MassMessage', 'PurchasedMassMessage']) {
        named(schemas, name).properties.mediaCount = {
          type: 'string',
          pattern: '^[0-9]+$',
        };
      }
    },
    examples: (o) => {
      if ((isListItem(o) || isPurchasedItem(o)) && typeof o.mediaCount === 'number') {
        o.mediaCount = String(o.mediaCount);
      }
    },
  },
];

/** The bundle with one schema edit applied. */
export function withSchemaEdit(edit: SchemaEdit): OpenApiDocument {
  const doc = structuredClone(readDocument());
  edit.edit(doc.components?.schemas as SchemaMap, doc);
  if (edit.examples) eachExampleObject(doc, edit.examples);
  return doc;
}

/** A document written to a temporary file (for `startMockServer({ document })`). */
export async function writeBundle(
  doc: OpenApiDocument,
): Promise<{ path: string; dispose(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'ofauth-mock-fixture-'));
  const path = join(folder, 'openapi.json');
  await writeFile(path, JSON.stringify(doc));
  return { path, dispose: () => rm(folder, { recursive: true, force: true }) };
}
