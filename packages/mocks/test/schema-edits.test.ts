// Everyday edits of the spec's schemas reach the mock with no other edit, in every mode and
// through the MSW handlers: a required field, a nested required field, an enum value added or
// removed, nullable changes, removed fields, a type change (test/helpers/fixtures.ts). Every page
// of every operation is paged to the end and validated against the edited document, and what the
// edit changed is seen in the records (a new field filled by its rule, a removed one gone, a new
// enum value served).
// The mock server's tests start the server on each (its start checks every record set).

import { defaultBaseUrl } from '@ofauth-mass-messages/spec/operations';
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MODES, type MockMode } from '../src/core/options.js';
import { createMockFetch } from '../src/fetch.js';
import { createHandlers } from '../src/msw.js';
import { readSpecData } from '../src/spec/read.js';
import { SCHEMA_EDITS, type SchemaEdit, withSchemaEdit } from './helpers/fixtures.js';
import { AUTH } from './helpers/http.js';

type Item = Record<string, unknown>;
type Served = Record<string, Item[]>;

/** What each edit must visibly change in records generated from the schema (dataset, dynamic). */
const REACHES: Record<string, (served: Served, mode: MockMode) => void> = {
  'a required field (with a pattern) on MassMessage': ({ listMassMessages = [] }) => {
    for (const item of listMassMessages) expect(item.campaignId).toMatch(/^cmp_[a-z0-9]{8}$/);
  },
  'a required date-time field on PurchasedMassMessage': ({ listPurchasedMassMessages = [] }) => {
    for (const item of listPurchasedMassMessages) {
      expect(Number.isNaN(Date.parse(String(item.sentAt)))).toBe(false);
    }
  },
  'a nested required field (Media gains a required blurhash of 6 to 30 characters)': (served) => {
    const media = allMedia(served);
    expect(media.length).toBeGreaterThan(10);
    for (const item of media) expect(String(item.blurhash).length).toBeGreaterThanOrEqual(6);
  },
  'a deeper nested required field (a release form gains a required signedAt date)': (served) => {
    const forms = allMedia(served).flatMap((media) => media.releaseForms as Item[]);
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) expect(form.signedAt).toMatch(/^\d{4}-\d\d-\d\d$/);
  },
  'an enum value (MediaType gains "document"; the type filter gains "archived")': (served) => {
    expect(allMedia(served).map((media) => media.type)).toContain('document');
    expect(served['listMassMessages?type=archived']?.length).toBeGreaterThan(0);
  },
  'an enum value removed (MediaType loses "audio")': (served) => {
    expect(allMedia(served).map((media) => media.type)).not.toContain('audio');
  },
  'nullable changes (price may be null; giphyId may not; text may be null)': (served, mode) => {
    const items = [...(served.listMassMessages ?? []), ...(served.listPurchasedMassMessages ?? [])];
    for (const item of items) expect(item.giphyId).not.toBeNull();
    // Dynamic mode sends every shape the spec allows: the new nulls too.
    if (mode === 'dynamic') {
      expect((served.listMassMessages ?? []).map((item) => item.price)).toContain(null);
      expect((served.listPurchasedMassMessages ?? []).map((item) => item.text)).toContain(null);
    }
  },
  'removed fields (price and sentCount on both items; releaseForms on the purchased one)': (
    served,
  ) => {
    const items = [...(served.listMassMessages ?? []), ...(served.listPurchasedMassMessages ?? [])];
    for (const item of items) {
      expect(item).not.toHaveProperty('price');
      expect(item).not.toHaveProperty('sentCount');
    }
    for (const item of served.listPurchasedMassMessages ?? []) {
      expect(item).not.toHaveProperty('releaseForms');
    }
  },
  'a type change (mediaCount becomes a string of digits)': (served) => {
    const items = [...(served.listMassMessages ?? []), ...(served.listPurchasedMassMessages ?? [])];
    const counts = items.map((item) => item.mediaCount).filter((count) => count !== undefined);
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toMatch(/^[0-9]+$/);
  },
};

function allMedia(served: Served): Item[] {
  return Object.values(served)
    .flat()
    .flatMap((item) => [
      ...((item.media as Item[] | undefined) ?? []),
      ...((item.previews as unknown[] | undefined) ?? []).filter(
        (preview): preview is Item => typeof preview === 'object',
      ),
    ]);
}

/** Pages every operation (and `type=archived` where the edit adds it) to the end through `fetcher`. */
async function serveAll(
  doc: ReturnType<typeof withSchemaEdit>,
  fetcher: typeof fetch,
  base: string,
  validator: SpecValidator,
): Promise<Served> {
  const spec = readSpecData(doc);
  const served: Served = {};
  for (const operation of spec.operations) {
    if (operation.kind !== 'page') continue;
    const filters = [''];
    if (operation.query.some((rule) => rule.enum?.includes('archived')))
      filters.push('type=archived');
    for (const filter of filters) {
      const key = filter ? `${operation.operationId}?${filter}` : operation.operationId;
      served[key] = [];
      for (let offset = 0, requests = 0; ; requests++) {
        const query = [filter, `offset=${offset}`].filter(Boolean).join('&');
        const response = await fetcher(`${base}${operation.path}?${query}`, { headers: AUTH });
        const body = await response.json();
        expect(response.status, JSON.stringify(body)).toBe(200);
        const result = validator.validateResponse(operation.operationId, 200, body);
        expect(result.errors, `${key} at offset ${offset}`).toEqual([]);
        const items = body[operation.itemsField] as Item[];
        served[key].push(...items);
        offset += items.length;
        // A page without offset is one request: what the range holds, as far as it goes.
        if (!body.hasMore || operation.paging !== 'offset') break;
        expect(requests).toBeLessThan(100);
      }
    }
  }
  return served;
}

const msw = setupServer();
// The servers' requests pass through; the handlers answer only the spec's base URL.
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

describe.each(SCHEMA_EDITS.map((edit) => [edit.name, edit] as [string, SchemaEdit]))(
  '%s',
  (name, edit) => {
    const doc = withSchemaEdit(edit);
    const validator = new SpecValidator(doc);
    const spec = readSpecData(doc);
    const reaches = REACHES[name];

    it('has its check of what reaches the records', () => {
      expect(reaches).toBeTypeOf('function');
    });

    it.each(MOCK_MODES)('createMockFetch serves it in %s mode, every page valid', async (mode) => {
      const served = await serveAll(
        doc,
        createMockFetch({ spec, mode, seed: 5 }),
        'https://api.test',
        validator,
      );
      if (mode !== 'examples') reaches?.(served, mode);
    });

    it.each(MOCK_MODES)('the MSW handlers serve it in %s mode, every page valid', async (mode) => {
      msw.resetHandlers(...createHandlers({ spec, mode, seed: 6 }));
      const served = await serveAll(doc, fetch, defaultBaseUrl, validator);
      if (mode !== 'examples') reaches?.(served, mode);
    });
  },
);
