// The recorded payloads are fixtures the drift proof stands on: each must itself conform to the
// spec, and each recording must page consistently (by offset: offsets follow on, only the last
// page says hasMore false, asking past the end gives an empty page; without offset: every answer
// of a selection is the start of the same list, hasMore saying whether more of it was left out).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { afterEach, describe, expect, it } from 'vitest';
import { expectConforms } from '../src/expect-conforms.js';
import {
  filtersOf,
  loadRecordings,
  recordedItems,
  unrecordedOperations,
} from '../src/recordings.js';
import {
  contractSpec,
  dateRange,
  dateRules,
  filterRules,
  isOffsetPaged,
  itemsOf,
} from '../src/spec.js';
import { operationOf, recordingOf, recordings } from './fixtures/recordings.js';
import { THIRD, thirdOperationSpec } from './fixtures/third-operation.js';

const exchanges = recordings.flatMap((r) =>
  r.exchanges.map((e) => [r.operationId, JSON.stringify(e.query), e] as const),
);

describe('recorded fixtures', () => {
  it('each name an operation of the spec, at most one recording per operation', () => {
    const ids = recordings.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(operationOf(id).operationId).toBe(id);
  });

  it.each(exchanges)('%s %s conforms to the spec', (operationId, query, exchange) => {
    expectConforms(operationId, exchange.status, exchange.body, query);
  });

  it.each(recordings.map((r) => [r.operationId, r] as const))(
    '%s: the recorded 401 conforms to the spec',
    (operationId, recording) => {
      expect(recording.unauthorized.status).toBe(401);
      expectConforms(operationId, 401, recording.unauthorized.body);
    },
  );

  // One sequence per combination of enum filter values (every `type`), or one without filters.
  const sequences = recordings
    .filter((r) => isOffsetPaged(operationOf(r.operationId)))
    .flatMap((r) => {
      const operation = operationOf(r.operationId);
      const combos = filterRules(operation).reduce<Array<Record<string, unknown>>>(
        (sets, rule) =>
          sets.flatMap((set) => (rule.enum ?? []).map((v) => ({ ...set, [rule.name]: v }))),
        [{}],
      );
      return combos.map((filters) => [r.operationId, JSON.stringify(filters), r, filters] as const);
    });

  it.each(sequences)(
    '%s %s pages consistently to an empty page past the end',
    (operationId, _label, recording, filters) => {
      const operation = operationOf(operationId);
      const pages = recording.exchanges
        .filter(
          (e) =>
            e.status === 200 && filtersOf(operation, e.query) === filtersOf(operation, filters),
        )
        .sort((a, b) => Number(a.query.offset) - Number(b.query.offset));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      let expectedOffset = 0;
      pages.forEach((page, index) => {
        const body = page.body as Record<string, unknown>;
        const items = itemsOf(operation, body);
        const last = index === pages.length - 1;
        expect(page.query.offset).toBe(expectedOffset);
        expect(items.length).toBeLessThanOrEqual(Number(page.query.limit));
        // The page before the empty one ends the data; only pages before it promise more.
        expect(body.hasMore).toBe(index < pages.length - 2);
        if (last) expect(items).toEqual([]);
        expectedOffset += items.length;
      });
      expect(recordedItems(recording, operation, filters)).toHaveLength(expectedOffset);
    },
  );

  // Without offset, one selection (a date range, no range) answered with more or fewer items.
  const selections = recordings
    .filter((r) => !isOffsetPaged(operationOf(r.operationId)))
    .flatMap((r) => {
      const operation = operationOf(r.operationId);
      const chosen = new Map(r.exchanges.map((e) => [filtersOf(operation, e.query), e.query]));
      return [...chosen.entries()].map(
        ([label, query]) => [r.operationId, label, r, query] as const,
      );
    });

  it.each(selections)(
    '%s %s: every answer starts the same list, hasMore when it left some out',
    (operationId, _label, recording, query) => {
      const operation = operationOf(operationId);
      const whole = recordedItems(recording, operation, query);
      const answers = recording.exchanges.filter(
        (e) => filtersOf(operation, e.query) === filtersOf(operation, query),
      );
      for (const { query: asked, body } of answers) {
        const items = itemsOf(operation, body);
        expect(items).toEqual(whole.slice(0, items.length));
        if (asked.limit !== undefined)
          expect(items.length).toBeLessThanOrEqual(Number(asked.limit));
        expect((body as { hasMore: unknown }).hasMore).toBe(items.length < whole.length);
      }
    },
  );

  it.each(
    recordings
      .filter((r) => dateRules(operationOf(r.operationId)).length > 0)
      .map((r) => [r.operationId, r] as const),
  )('%s holds the date range the checks send, with items', (operationId, recording) => {
    const operation = operationOf(operationId);
    expect(recordedItems(recording, operation, dateRange(operation)).length).toBeGreaterThan(0);
  });

  it('listSentMassMessages holds only the items of its own examples in the spec', () => {
    const doc = readDocument() as unknown as {
      components: { examples: Record<string, { value: unknown }> };
    };
    const examples = ['PurchasedFirstPage', 'PurchasedLastPage', 'PurchasedEmptyPage'].flatMap(
      (name) =>
        itemsOf(operationOf('listPurchasedMassMessages'), doc.components.examples[name]?.value),
    );
    const recorded = recordingOf('listSentMassMessages').exchanges.flatMap((e) =>
      itemsOf(operationOf('listSentMassMessages'), e.body),
    );
    expect(recorded.length).toBeGreaterThan(0);
    for (const item of recorded) expect(examples).toContainEqual(item);
  });

  it('holds both sender shapes, null and absent optional fields, and every media type', () => {
    const items = recordedItems(recordingOf('listMassMessages'), operationOf('listMassMessages'), {
      type: 'sent',
    }) as Array<Record<string, unknown>>;
    const senders = items.map((i) =>
      Object.keys(i.fromUser as object)
        .sort()
        .join(','),
    );
    expect(new Set(senders)).toEqual(new Set(['id,name', '_view,id']));
    expect(items.some((i) => i.giphyId === null)).toBe(true);
    expect(items.some((i) => typeof i.giphyId === 'string')).toBe(true);
    expect(items.some((i) => !('releaseForms' in i))).toBe(true);
    const mediaTypes = items.flatMap((i) =>
      (i.media as Array<{ type: string }>).map((m) => m.type),
    );
    expect(new Set(mediaTypes)).toEqual(new Set(['photo', 'video', 'gif', 'audio']));
  });
});

describe('loadRecordings refuses a bad recording, naming the file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const write = (name: string, text: string): URL => {
    dir = mkdtempSync(join(tmpdir(), 'recordings-'));
    writeFileSync(join(dir, name), text);
    return pathToFileURL(`${dir}/`);
  };
  const valid = {
    operationId: 'listMassMessages',
    unauthorized: { status: 401, body: {} },
    exchanges: [{ query: {}, status: 200, body: { list: [], hasMore: false } }],
  };

  it.each([
    ['not JSON', '{', /broken\.json is not JSON/],
    ['no operationId', JSON.stringify({ ...valid, operationId: undefined }), /no "operationId"/],
    [
      'an unknown operationId',
      JSON.stringify({ ...valid, operationId: 'deleteEverything' }),
      /broken\.json: unknown operationId "deleteEverything"; the spec has: listMassMessages, listPurchasedMassMessages/,
    ],
    ['no exchanges', JSON.stringify({ ...valid, exchanges: [] }), /no "exchanges"/],
    [
      'an exchange without a status',
      JSON.stringify({ ...valid, exchanges: [{ query: {} }] }),
      /exchanges\[0\] needs "query", "status" and "body"/,
    ],
  ])('%s', (_name, text, message) => {
    expect(() => loadRecordings(write('broken.json', text))).toThrow(message);
  });

  it('an empty folder', () => {
    expect(() => loadRecordings(write('notes.txt', 'no json here'))).toThrow(/No recordings/);
  });
});

describe('unrecordedOperations', () => {
  const ids = (operations: { operationId: string }[]) => operations.map((op) => op.operationId);

  it('names an operation whose recording is missing, in table order', () => {
    const without = recordings.filter((r) => r.operationId !== 'listPurchasedMassMessages');
    expect(ids(unrecordedOperations(contractSpec(), without))).toContain(
      'listPurchasedMassMessages',
    );
    expect(ids(unrecordedOperations(contractSpec(), without))).not.toContain('listMassMessages');
  });

  it('names an operation added to the spec without a recording', () => {
    expect(ids(unrecordedOperations(thirdOperationSpec(), recordings))).toEqual([
      ...ids(unrecordedOperations(contractSpec(), recordings)),
      THIRD.operationId,
    ]);
  });

  it('takes recordings of the added operation when the spec given has it', () => {
    const spec = thirdOperationSpec();
    const dir = mkdtempSync(join(tmpdir(), 'recordings-'));
    try {
      writeFileSync(
        join(dir, 'fixture.json'),
        JSON.stringify({
          operationId: THIRD.operationId,
          unauthorized: { status: 401, body: {} },
          exchanges: [{ query: {}, status: 200, body: { items: [], hasMore: false } }],
        }),
      );
      const loaded = loadRecordings(pathToFileURL(`${dir}/`), spec);
      expect(ids(unrecordedOperations(spec, loaded))).toEqual(
        ids(spec.operations.filter((op) => op.operationId !== THIRD.operationId)),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
