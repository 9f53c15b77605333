// Each drift edit must break exactly the rule it claims, at the path it claims, and leave the
// page it was given untouched.
import { describe, expect, it } from 'vitest';
import {
  DRIFT_KINDS,
  type DriftKind,
  driftPage,
  parseDriftKind,
  UNKNOWN_MEDIA_TYPE,
} from '../src/drift.js';
import { conformanceIssues } from '../src/expect-conforms.js';
import { pageOperationOf, recordingOf, recordings } from './fixtures/recordings.js';

const firstPageOf = (operationId: string) => recordingOf(operationId).exchanges[0]?.body;

// Every recorded operation: drift is applied to recorded pages.
const cases = recordings.flatMap(({ operationId }) =>
  DRIFT_KINDS.map((kind) => [operationId, kind] as const),
);

describe('driftPage', () => {
  it.each(cases)('%s %s breaks the spec at the path and rule it names', (operationId, kind) => {
    const page = firstPageOf(operationId);
    const before = JSON.stringify(page);
    const { body, drift } = driftPage(kind, pageOperationOf(operationId).itemsField, page);
    expect(JSON.stringify(page)).toBe(before);
    expect(drift?.kind).toBe(kind);
    const issues = conformanceIssues(operationId, 200, body);
    expect(issues).toContainEqual(
      expect.objectContaining({ path: drift?.path, keyword: drift?.keyword }),
    );
  });

  it.each([
    ['missing-key', '$.list[0]', 'required'],
    ['type-changed', '$.list[0].id', 'type'],
    ['unknown-enum', '$.list[0].media[0].type', 'enum'],
    ['hasmore-string', '$.hasMore', 'type'],
  ] as const)('%s on the first list page names %s (%s)', (kind, path, keyword) => {
    expect(driftPage(kind, 'list', firstPageOf('listMassMessages')).drift).toEqual({
      kind,
      path,
      keyword,
    });
  });

  it('sends the unknown media type and hasMore as the string "true"', () => {
    const { body } = driftPage('unknown-enum', 'items', {
      hasMore: true,
      items: [
        { id: 1, media: [] },
        { id: 2, media: [{ type: 'photo' }] },
      ],
    });
    expect(body).toEqual({
      hasMore: true,
      items: [
        { id: 1, media: [] },
        { id: 2, media: [{ type: UNKNOWN_MEDIA_TYPE }] },
      ],
    });
    expect(driftPage('hasmore-string', 'list', { list: [], hasMore: true }).body).toEqual({
      list: [],
      hasMore: 'true',
    });
  });

  it.each(['missing-key', 'type-changed', 'unknown-enum'] as DriftKind[])(
    '%s leaves an empty page alone and says so',
    (kind) => {
      const empty = { list: [], hasMore: false };
      expect(driftPage(kind, 'list', empty)).toEqual({ body: empty });
    },
  );
});

describe('parseDriftKind', () => {
  it.each(DRIFT_KINDS)('accepts %s', (kind) => {
    expect(parseDriftKind(kind)).toBe(kind);
  });

  it('refuses anything else, listing the kinds', () => {
    expect(() => parseDriftKind('missing_key')).toThrow(
      'Unknown drift kind "missing_key"; use one of: missing-key, type-changed, unknown-enum, hasmore-string',
    );
  });
});
