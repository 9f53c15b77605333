// The spec edits the proofs make: text edits of openapi.yaml, each found by key paths
// (src/yaml-text.ts), keeping the document's anchors and comments as a person editing it would.
// Each throws a SpecEditError naming what it could not find, so a reworded spec breaks the proof
// loudly instead of proving nothing. An edit that adds a field to a schema writes it into the
// examples too, as a contributor keeping the examples valid does.
import { snippet, YamlText } from './yaml-text.js';

const SCHEMAS = ['components', 'schemas'] as const;
/** Where a document's examples are written: named ones, and inline ones under operations. */
const EXAMPLE_BLOCKS = [['components', 'examples'], ['paths']] as const;

/** The purchased endpoint: the operation the page and removal edits work on. */
export const PURCHASED_PATH = '/v2/access/analytics/mass-messages/purchased';

function addRequired(doc: YamlText, schema: string, field: string): void {
  const path = [...SCHEMAS, schema, 'required'];
  const required = doc.flowList(path);
  if (required.includes(field)) doc.fail(`${schema} already requires ${field}`);
  doc.setFlowList(path, [...required, field]);
}

/** Every line of an example (named or inline) that is the key `key`, last first. */
function exampleLines(doc: YamlText, key: string): number[] {
  return EXAMPLE_BLOCKS.filter((path) => doc.has(path))
    .flatMap((path) => doc.keyLines(path, key))
    .sort((a, b) => b - a);
}

/**
 * Writes `line` beside every example object that has the key `beside` (a field the schema
 * requires, so every example object of that schema has it); throws when none has.
 */
function addToExamples(doc: YamlText, beside: string, line: string): void {
  const lines = exampleLines(doc, beside);
  if (lines.length === 0) doc.fail(`no example has "${beside}" to write "${line}" beside`);
  for (const at of lines) doc.insertBefore(at, line);
}

/** (1) A required string added to an item schema: `MassMessage.campaignName`. */
export function addRequiredField(spec: string): string {
  const doc = new YamlText(spec, 'addRequiredField');
  addRequired(doc, 'MassMessage', 'campaignName');
  doc.appendTo(
    [...SCHEMAS, 'MassMessage', 'properties'],
    snippet(`
      campaignName:
        type: string
        description: The campaign the message was sent in.
    `),
  );
  // fromUser is required on MassMessage, and only there: it marks every example item of one.
  addToExamples(doc, 'fromUser', 'campaignName: Black Friday 2026');
  return doc.toString();
}

/** (2) A required field inside the media objects every item holds: `Media.blurhash`. */
export function addNestedRequiredField(spec: string): string {
  const doc = new YamlText(spec, 'addNestedRequiredField');
  addRequired(doc, 'Media', 'blurhash');
  doc.appendTo(
    [...SCHEMAS, 'Media', 'properties'],
    snippet(`
      blurhash:
        type: string
        description: A compact placeholder of the image, shown while it loads.
    `),
  );
  // convertedToVideo is required on Media, and only there.
  addToExamples(doc, 'convertedToVideo', 'blurhash: "LEHV6nWB2yk8pyo0adR*.7kCMdnj"');
  return doc.toString();
}

/** (3) A new value of a response enum: `MediaType` gains `sticker`. */
export function addEnumValue(spec: string): string {
  const doc = new YamlText(spec, 'addEnumValue');
  const path = [...SCHEMAS, 'MediaType', 'enum'];
  const values = doc.flowList(path);
  if (values.includes('sticker')) doc.fail('MediaType already has sticker');
  doc.setFlowList(path, [...values, 'sticker']);
  return doc.toString();
}

/** (4) A required field made nullable: `MassMessage.text` may be null. */
export function makeFieldNullable(spec: string): string {
  const doc = new YamlText(spec, 'makeFieldNullable');
  const path = [...SCHEMAS, 'MassMessage', 'properties', 'text', 'type'];
  if (doc.valueOf(path) !== 'string') doc.fail(`MassMessage.text is not a plain string`);
  doc.setValue(path, '[string, "null"]');
  return doc.toString();
}

/** (5) A field removed from an item schema and from the examples: `MassMessage.queueId`. */
export function removeField(spec: string): string {
  const doc = new YamlText(spec, 'removeField');
  const path = [...SCHEMAS, 'MassMessage', 'properties', 'queueId'];
  if (doc.flowList([...SCHEMAS, 'MassMessage', 'required']).includes('queueId')) {
    doc.fail('MassMessage requires queueId: removing it is another edit');
  }
  doc.remove(path);
  for (const at of exampleLines(doc, 'queueId')) doc.removeLine(at);
  return doc.toString();
}

/** A `$ref: "#/components/<kind>/<Name>"` written as the value of `path`: its name. */
function refName(doc: YamlText, path: readonly string[], kind: string): string {
  const ref = doc.valueOf([...path, '$ref']).replace(/^["']|["']$/g, '');
  const prefix = `#/components/${kind}/`;
  if (!ref.startsWith(prefix)) doc.fail(`${path.join(' → ')} is not a $ref to ${prefix}…: ${ref}`);
  return ref.slice(prefix.length);
}

/**
 * (6) An operation's page written inline: the purchased operation's 200, a `$ref` to a named
 * response whose schema is a `$ref` to a named page schema, becomes that response written out in
 * the operation with the page schema written out in it. The components stay (others may use them).
 */
export function inlinePageSchema(spec: string): string {
  const doc = new YamlText(spec, 'inlinePageSchema');
  const ok = ['paths', PURCHASED_PATH, 'get', 'responses', '200'];
  const response = new YamlText(
    doc.childText(['components', 'responses', refName(doc, ok, 'responses')]).join('\n'),
    'inlinePageSchema',
  );
  const schema = ['content', 'application/json', 'schema'];
  const page = doc.childText([...SCHEMAS, refName(response, schema, 'schemas')]);
  response.replaceValue(schema, page);
  doc.replaceValue(ok, response.toString().split('\n'));
  return doc.toString();
}

/** The operation the path-parameter edit adds: offset-paged, under the vendor's buyers route. */
export const BUYERS = {
  operationId: 'listMassMessageBuyers',
  path: '/v2/access/analytics/mass-messages/{id}/buyers',
  summary: 'Mass message buyers',
} as const;

/**
 * (7) A new operation with a path parameter, paged by limit and offset, with its own page schema,
 * item array (`list` of buyers), an enum filter and examples: the vendor's per-message buyers.
 */
export function addPathParameterOperation(spec: string): string {
  const doc = new YamlText(spec, 'addPathParameterOperation');
  if (doc.has(['paths', BUYERS.path])) doc.fail(`the document already has ${BUYERS.path}`);
  doc.appendTo(
    ['paths'],
    snippet(`
      ${BUYERS.path}:
        get:
          operationId: ${BUYERS.operationId}
          tags: [Analytics]
          summary: ${BUYERS.summary}
          description: The fans who bought one mass message, newest purchase first.
          parameters:
            - name: id
              in: path
              required: true
              description: The mass message's id.
              schema:
                type: integer
                minimum: 1
            - name: limit
              in: query
              description: Number of items to return (1-50, default 10).
              schema:
                type: integer
                minimum: 1
                maximum: 50
                default: 10
            - $ref: "#/components/parameters/Offset"
            - name: sort
              in: query
              description: The order of the buyers.
              schema:
                type: string
                enum: [recent, spent]
                default: recent
          responses:
            "200":
              description: Successful response
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/MassMessageBuyersPage"
                  examples:
                    firstPage:
                      summary: A first page, more to come
                      value:
                        hasMore: true
                        list:
                          - { id: 412345678, username: mia_fan, purchasedAt: "2026-11-21T10:02:00+00:00", price: "12.99" }
                    lastPage:
                      summary: The last page
                      value:
                        hasMore: false
                        list:
                          - { id: 412345679, username: leo.m, purchasedAt: "2026-11-21T09:40:00+00:00", price: "12.99" }
                    emptyPage:
                      summary: Past the end
                      value:
                        hasMore: false
                        list: []
            "400":
              $ref: "#/components/responses/BadRequest"
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
    `),
  );
  doc.appendTo(
    SCHEMAS,
    snippet(`

      MassMessageBuyersPage:
        type: object
        description: One page of a mass message's buyers.
        required: [list, hasMore]
        properties:
          list:
            type: array
            items:
              $ref: "#/components/schemas/MassMessageBuyer"
          hasMore:
            type: boolean
            description: Whether another page follows this one.

      MassMessageBuyer:
        type: object
        description: A fan who bought the mass message.
        required: [id, username, purchasedAt]
        properties:
          id:
            type: integer
          username:
            type: string
          purchasedAt:
            type: string
            format: date-time
          price:
            $ref: "#/components/schemas/Price"
    `),
  );
  return doc.toString();
}

/** The operation the single-object edit adds: the vendor's mass-message chart. */
export const CHART = {
  operationId: 'getMassMessagesChart',
  path: '/v2/access/analytics/mass-messages/chart',
  summary: 'Mass messages chart',
} as const;

/**
 * (8) A new GET whose 200 is one object (a chart of days and, on request, the totals), with
 * `date` and boolean query parameters: the vendor's mass-message chart.
 */
export function addObjectOperation(spec: string): string {
  const doc = new YamlText(spec, 'addObjectOperation');
  if (doc.has(['paths', CHART.path])) doc.fail(`the document already has ${CHART.path}`);
  doc.appendTo(
    ['paths'],
    snippet(`
      ${CHART.path}:
        get:
          operationId: ${CHART.operationId}
          tags: [Analytics]
          summary: ${CHART.summary}
          description: Mass messages sent, viewed and purchased per day of a date range.
          parameters:
            - name: startDate
              in: query
              description: The first day of the chart (ISO 8601 date, such as 2026-11-01).
              schema:
                type: string
                format: date
            - name: endDate
              in: query
              description: The last day of the chart.
              schema:
                type: string
                format: date
            - name: withTotal
              in: query
              description: Whether the body carries the totals of the range.
              schema:
                type: boolean
          responses:
            "200":
              description: The chart of the range.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/MassMessagesChart"
                  examples:
                    week:
                      summary: A week, with its totals
                      value:
                        chart:
                          - { date: "2026-11-20", sent: 1843, viewed: 926, purchased: 131 }
                          - { date: "2026-11-21", sent: 0, viewed: 310, purchased: 12 }
                        total: { sent: 1843, viewed: 1236, purchased: 143 }
            "400":
              $ref: "#/components/responses/BadRequest"
            "401":
              $ref: "#/components/responses/Unauthorized"
    `),
  );
  doc.appendTo(
    SCHEMAS,
    snippet(`

      MassMessagesChart:
        type: object
        description: Mass-message counts per day of a range, and their totals on request.
        required: [chart]
        properties:
          chart:
            type: array
            items:
              $ref: "#/components/schemas/MassMessagesChartPoint"
          total:
            $ref: "#/components/schemas/MassMessagesChartCounts"

      MassMessagesChartPoint:
        description: One day of the chart.
        allOf:
          - $ref: "#/components/schemas/MassMessagesChartCounts"
          - type: object
            required: [date]
            properties:
              date:
                type: string
                format: date

      MassMessagesChartCounts:
        type: object
        required: [sent, viewed, purchased]
        properties:
          sent:
            type: integer
            minimum: 0
          viewed:
            type: integer
            minimum: 0
          purchased:
            type: integer
            minimum: 0
    `),
  );
  return doc.toString();
}

/** (9) An operation removed: the purchased endpoint's whole path item. */
export function removeOperation(spec: string): string {
  const doc = new YamlText(spec, 'removeOperation');
  doc.remove(['paths', PURCHASED_PATH]);
  return doc.toString();
}

/** A compatible change: an optional field (with a value in an example) and a new enum value. */
export function addOptionalFieldAndEnumValue(spec: string): string {
  const doc: YamlText = new YamlText(spec, 'addOptionalFieldAndEnumValue');
  doc.appendTo(
    [...SCHEMAS, 'PurchasedMassMessage', 'properties'],
    snippet(`
      campaignName:
        type: string
        description: The campaign the message belonged to.
    `),
  );
  const mediaTypes = [...SCHEMAS, 'MediaType', 'enum'];
  doc.setFlowList(mediaTypes, [...doc.flowList(mediaTypes), 'sticker']);
  // The first item of the purchased first page: the one its `rawText` is written in.
  const [first] = doc
    .keyLines(['components', 'examples', 'PurchasedFirstPage'], 'rawText')
    .reverse();
  if (first === undefined) doc.fail('PurchasedFirstPage has no item with rawText');
  doc.insertBefore(first, 'campaignName: Black Friday 2026');
  return doc.toString();
}

/**
 * A breaking change the spec build must refuse: the list page's `hasMore` made a string, so the
 * page is no longer one (a boolean `hasMore` is what ends the client's loop).
 */
export function retypeHasMore(spec: string): string {
  const doc = new YamlText(spec, 'retypeHasMore');
  doc.setValue([...SCHEMAS, 'MassMessagesPage', 'properties', 'hasMore', 'type'], 'string');
  return doc.toString();
}

/** A consumer file that compiles only when the client exports the new field and enum value. */
export const clientTypesProbe = `// Written by the pipeline proof: compiles only once the spec change reached the client.
import type { Media, PurchasedMassMessage } from '@ofauth-mass-messages/client';

export const campaignOf = (item: PurchasedMassMessage): string | undefined => item.campaignName;
export const sticker: Media['type'] = 'sticker';
`;
