// The spec edits the proof makes, as text edits of openapi.yaml (keeping its anchors and
// comments, as a person editing it would). Each throws when its anchor text is gone, so a
// reworded spec breaks the proof loudly instead of proving nothing.

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at === -1 || text.indexOf(search, at + 1) !== -1) {
    throw new Error(`spec edit: expected exactly one occurrence of ${JSON.stringify(search)}`);
  }
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** A compatible change: an optional field (with a value in an example) and a new enum value. */
export function addOptionalFieldAndEnumValue(spec: string): string {
  let out = replaceOnce(
    spec,
    '        rawText:\n          type: string\n',
    '        rawText:\n          type: string\n        campaignName:\n          type: string\n          description: The campaign the message belonged to.\n',
  );
  out = replaceOnce(
    out,
    'enum: [photo, video, gif, audio]',
    'enum: [photo, video, gif, audio, sticker]',
  );
  out = replaceOnce(
    out,
    '            rawText: New set just dropped',
    '            campaignName: Black Friday 2026\n            rawText: New set just dropped',
  );
  return out;
}

/**
 * A breaking change the spec build must refuse: the list page's `hasMore` made a string, so the
 * page is no longer one (a boolean `hasMore` is what ends the client's loop).
 */
export function retypeHasMore(spec: string): string {
  const start = spec.indexOf('    MassMessagesPage:\n');
  const end = spec.indexOf('    PurchasedMassMessagesPage:\n');
  if (start === -1 || end < start) throw new Error('spec edit: MassMessagesPage schema not found');
  const block = spec
    .slice(start, end)
    .replace(
      '        hasMore:\n          type: boolean\n',
      '        hasMore:\n          type: string\n',
    );
  if (!block.includes('hasMore:\n          type: string\n')) {
    throw new Error('spec edit: hasMore not found in MassMessagesPage');
  }
  return spec.slice(0, start) + block + spec.slice(end);
}

/** A consumer file that compiles only when the client exports the new field and enum value. */
export const clientTypesProbe = `// Written by the pipeline proof: compiles only once the spec change reached the client.
import type { Media, PurchasedMassMessage } from '@ofauth-mass-messages/client';

export const campaignOf = (item: PurchasedMassMessage): string | undefined => item.campaignName;
export const sticker: Media['type'] = 'sticker';
`;

/** The third paged operation the proof adds: a new path, page shape, item array name and enum. */
export const NEW_OPERATION = {
  operationId: 'listTopMassMessages',
  path: '/v2/access/mass-messages/top',
  summary: 'Top mass messages',
  itemsField: 'top',
} as const;

const newOperationYaml = `  ${NEW_OPERATION.path}:
    get:
      operationId: ${NEW_OPERATION.operationId}
      tags: [Analytics]
      summary: ${NEW_OPERATION.summary}
      description: The connected account's best-selling mass messages in a period.
      parameters:
        - name: limit
          in: query
          description: Number of items to return (1-50, default 10).
          schema:
            type: integer
            minimum: 1
            maximum: 50
            default: 10
        - $ref: "#/components/parameters/Offset"
        - name: period
          in: query
          description: The period ranked.
          schema:
            type: string
            enum: [day, week, month]
            default: week
      responses:
        "200":
          description: Successful response
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/TopMassMessagesPage"
              examples:
                firstPage:
                  summary: A first page, more to come
                  value:
                    hasMore: true
                    top:
                      - id: 9001
                        text: Top of the week
                        fromUser: { id: 412345678, name: Mia }
                        media: []
                        previews: []
                lastPage:
                  summary: The last page
                  value:
                    hasMore: false
                    top:
                      - id: 9002
                        text: Runner-up
                        fromUser: { id: 412345678, _view: s }
                        media: []
                        previews: []
                emptyPage:
                  summary: Past the end
                  value:
                    hasMore: false
                    top: []
        "400":
          $ref: "#/components/responses/BadRequest"
        "401":
          $ref: "#/components/responses/Unauthorized"
        "429":
          $ref: "#/components/responses/TooManyRequests"
        "500":
          $ref: "#/components/responses/InternalServerError"
`;

const newPageSchemaYaml = `    TopMassMessagesPage:
      type: object
      description: One page of top mass messages.
      required: [top, hasMore]
      properties:
        top:
          type: array
          items:
            $ref: "#/components/schemas/MassMessage"
        hasMore:
          type: boolean
          description: Whether another page follows this one.

`;

/**
 * What a contributor adding an operation writes, and all they write: a third paged GET (its own
 * path, page schema, item array name `top` and `period` enum) plus a new media type `sticker`.
 */
export function addPagedOperation(spec: string): string {
  let out = replaceOnce(spec, '\ncomponents:\n', `${newOperationYaml}\ncomponents:\n`);
  out = replaceOnce(
    out,
    '    PurchasedMassMessagesPage:\n',
    `${newPageSchemaYaml}    PurchasedMassMessagesPage:\n`,
  );
  return replaceOnce(
    out,
    'enum: [photo, video, gif, audio]',
    'enum: [photo, video, gif, audio, sticker]',
  );
}

/** Removes an operation's whole path item (the purchased endpoint), as a contributor would. */
export function removePurchasedOperation(spec: string): string {
  const start = spec.indexOf('  /v2/access/analytics/mass-messages/purchased:\n');
  const end = spec.indexOf('\ncomponents:\n');
  if (start === -1 || end < start) throw new Error('spec edit: the purchased path item not found');
  return spec.slice(0, start) + spec.slice(end + 1);
}

/**
 * A consumer of the new operation, in checked JavaScript so that node runs what tsc checked: the
 * typed method, awaited for a page and iterated to the end against the mock in every mode.
 */
export const newOperationProbe = `// @ts-check
// Written by the pipeline proof after a spec edit that added ${NEW_OPERATION.operationId}.
import { createClient } from '@ofauth-mass-messages/client';
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import { MOCK_MODES } from '@ofauth-mass-messages/mocks';

/** @type {Record<string, { items: number, requests: number, firstPage: number, ids: number }>} */
const results = {};
for (const mode of MOCK_MODES) {
  const mock = await startMockServer({ port: 0, mode, seed: 7 });
  try {
    let requests = 0;
    /** @type {(url: string, init: RequestInit) => Promise<Response>} */
    const counting = (url, init) => {
      requests++;
      return fetch(url, init);
    };
    const client = createClient({ apiKey: 'probe-key', connectionId: 'conn_probe', baseUrl: mock.url, fetch: counting });
    const page = await client.${NEW_OPERATION.operationId}({ limit: 2, period: 'month' });
    /** @type {number[]} */
    const ids = page.${NEW_OPERATION.itemsField}.map((m) => m.id);
    requests = 0;
    let items = 0;
    for await (const message of client.${NEW_OPERATION.operationId}({ period: 'week', limit: 10 })) {
      // Compiles only once the new enum value reached the client's types.
      /** @type {import('@ofauth-mass-messages/client').Media['type'] | undefined} */
      const kind = items === -1 ? 'sticker' : message.media[0]?.type;
      void kind;
      items++;
    }
    results[mode] = { items, requests, firstPage: ids.length, ids: ids.length };
  } finally {
    await mock.stop();
  }
}
console.log(JSON.stringify(results));
`;
