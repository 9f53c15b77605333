// What the mock needs to know about the spec, as plain data: the operations table plus the parts
// of the document the table does not carry (example bodies, the 200 schemas, the security
// headers). Plain data so that the same core runs in Node and in a browser: Node reads it from
// the bundle when a server starts (src/spec/read.ts), browsers import the copy generated at build.
import type { Operation } from '@ofauth-mass-messages/spec/operations';

export type JsonSchema = { [key: string]: unknown };

/** One documented response: its named example bodies and the headers it documents. */
export interface ResponseData {
  /** Example name → body, in document order. */
  examples: Record<string, unknown>;
  /** Header names, lower-case (`retry-after`). */
  headers: string[];
}

export interface SpecData {
  /** Every operation of the spec: pages (paged by offset or not) and single objects. */
  operations: readonly Operation[];
  /** operationId → status → what the spec documents for it (via the spec's `jsonResponse`). */
  responses: Record<string, Record<string, ResponseData>>;
  /** operationId → the JSON schema of its 200 body, as written (may `$ref` into `schemas`). */
  bodySchemas: Record<string, JsonSchema>;
  /** operationId → the JSON schema of one item of a page operation's item array. */
  itemSchemas: Record<string, JsonSchema>;
  /** The document's component schemas, for following `$ref`s while generating records. */
  schemas: Record<string, JsonSchema>;
  /** Request headers the spec's security requires (`apiKey`): without one, 401. */
  authHeaders: string[];
  /**
   * The one of them that names the connection (`x-connection-id`): the rate limit's bucket is
   * per connection, and a request without it alone is the vendor's `SESSION_NOT_PROVIDED`.
   */
  connectionHeader?: string;
}
