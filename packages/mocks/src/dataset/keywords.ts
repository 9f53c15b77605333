// The JSON Schema keywords of a response schema, as the mock's data generator sees them: those it
// honours (schema-faker.ts), and those that constrain nothing. The start-up check (support.ts)
// refuses any other; the faker reads a schema with annotations only as "any value".
import { ANNOTATION_KEYWORDS, SCALAR_KEYWORDS } from '@ofauth-mass-messages/spec';

/** The keywords the faker honours. */
export const GENERATED = new Set<string>([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'enum',
  'const',
  'allOf',
  'anyOf',
  'oneOf',
  ...SCALAR_KEYWORDS,
  'multipleOf',
  'nullable',
  'default',
]);

/** Keywords that say nothing about a value (and `x-…` extensions, such as `x-faker`). */
export const ANNOTATIONS = new Set<string>([
  ...ANNOTATION_KEYWORDS,
  'deprecated',
  'discriminator',
  'xml',
  'externalDocs',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  'contentMediaType',
  'contentEncoding',
]);

/** Whether a keyword constrains nothing. */
export const isAnnotation = (key: string) => ANNOTATIONS.has(key) || key.startsWith('x-');
