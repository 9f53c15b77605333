// The one reader of an operation's responses: for a status, the JSON schema, the named example
// bodies and the documented headers, `$ref`s followed. The table's facts, the mocks' spec data
// and the contract checks all read responses through here.
import { deref, type JsonObject, type RefRoot } from './resolve.js';

/** The JSON body an operation documents for a status. */
export interface JsonResponse {
  /** The declared key that matched: `429`, or `4XX` / `default` when no exact status is. */
  declared: string;
  description: string;
  /** The body's schema (possibly a `$ref`), or undefined when no JSON body is documented. */
  schema: unknown;
  /** Example name → body, in document order (`examples` map, or a lone `example` as `default`). */
  examples: Record<string, unknown>;
  /** Header names the response documents, lower-case. */
  headers: string[];
}

/** The media type object of a response's JSON body: `application/json` or a `+json` type. */
function jsonMedia(response: JsonObject): JsonObject | undefined {
  const content = (response.content ?? {}) as Record<string, JsonObject>;
  const key =
    'application/json' in content
      ? 'application/json'
      : Object.keys(content).find((type) => /^application\/[\w.+-]*\+json$/.test(type));
  return key === undefined ? undefined : content[key];
}

/**
 * What `responses` (an operation's responses object) documents for `status`: the exact status,
 * else its class (`4XX`), else `default`; undefined when none of them is documented.
 */
export function jsonResponse(
  responses: unknown,
  status: number | string,
  root: RefRoot,
): JsonResponse | undefined {
  const declaredResponses = (responses ?? {}) as JsonObject;
  const code = String(status);
  const declared = [code, `${code[0]}XX`, 'default'].find(
    (key) => declaredResponses[key] !== undefined,
  );
  if (declared === undefined) return undefined;
  const response = deref<JsonObject>(declaredResponses[declared], root);
  const media = jsonMedia(response);
  const examples: Record<string, unknown> = {};
  for (const [name, example] of Object.entries((media?.examples ?? {}) as JsonObject)) {
    examples[name] = deref<JsonObject>(example, root).value;
  }
  if (media && 'example' in media && Object.keys(examples).length === 0)
    examples.default = media.example;
  return {
    declared,
    description: String(response.description ?? ''),
    schema: media?.schema,
    examples,
    headers: Object.keys((response.headers ?? {}) as JsonObject).map((h) => h.toLowerCase()),
  };
}
