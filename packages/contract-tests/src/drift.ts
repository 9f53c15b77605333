// The kinds of drift the contract must catch, as edits of a conforming page body. Each edit says
// where it changed the body and which schema rule that breaks, so a test can demand exactly that
// path and rule in the failure.
export const DRIFT_KINDS = [
  'missing-key',
  'type-changed',
  'unknown-enum',
  'hasmore-string',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface Drift {
  kind: DriftKind;
  /** The JSON path the failure must name, e.g. `$.list[0]` (required key) or `$.hasMore`. */
  path: string;
  /** The JSON Schema keyword the drift breaks: `required`, `type` or `enum`. */
  keyword: 'required' | 'type' | 'enum';
}

export interface DriftedPage {
  body: unknown;
  /** Undefined when the page had nothing to drift (an empty page has no item to drop a key from). */
  drift?: Drift;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An invented media type: what an API adding a fifth kind of media would send. */
export const UNKNOWN_MEDIA_TYPE = 'hologram';

/** Validates `CONTRACT_DRIFT` and similar input: a clear error names the allowed kinds. */
export function parseDriftKind(value: string): DriftKind {
  if ((DRIFT_KINDS as readonly string[]).includes(value)) return value as DriftKind;
  throw new Error(`Unknown drift kind "${value}"; use one of: ${DRIFT_KINDS.join(', ')}`);
}

/**
 * A copy of a page with one drift of `kind` applied; the input is not changed. `key` is the
 * page's item array (the operation's `itemsField`).
 */
export function driftPage(kind: DriftKind, key: string, page: unknown): DriftedPage {
  const body = structuredClone(page);
  if (!isObject(body)) return { body };
  const items = Array.isArray(body[key]) ? (body[key] as unknown[]) : [];
  const first = items[0];

  switch (kind) {
    case 'hasmore-string':
      // `"false"` is truthy: a client trusting it would page forever.
      body.hasMore = String(body.hasMore);
      return { body, drift: { kind, path: '$.hasMore', keyword: 'type' } };
    case 'missing-key':
      if (!isObject(first)) return { body };
      delete first.id;
      return { body, drift: { kind, path: `$.${key}[0]`, keyword: 'required' } };
    case 'type-changed':
      if (!isObject(first)) return { body };
      // An id that became a string, as APIs do when ids outgrow 2^53.
      first.id = String(first.id);
      return { body, drift: { kind, path: `$.${key}[0].id`, keyword: 'type' } };
    case 'unknown-enum': {
      const index = items.findIndex(
        (item) => isObject(item) && Array.isArray(item.media) && isObject(item.media[0]),
      );
      const item = items[index] as Json | undefined;
      const media = (item?.media as Json[] | undefined)?.[0];
      if (!media) return { body };
      media.type = UNKNOWN_MEDIA_TYPE;
      return { body, drift: { kind, path: `$.${key}[${index}].media[0].type`, keyword: 'enum' } };
    }
  }
}
