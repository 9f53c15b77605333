// The rule of one parameter (query or path), read from its schema: everything a check needs to
// accept or refuse a value, and the words every refusal uses. A schema keyword no check covers
// fails the build here, by name, instead of being skipped silently.
import { deref, flatten, type JsonObject, type RefRoot, typesOf } from './resolve.js';

export type ParamType = 'integer' | 'number' | 'string' | 'boolean';
/** The string formats the checks know: a calendar date (`2026-02-01`) and an RFC 3339 date-time. */
export type ParamFormat = 'date' | 'date-time';

/** The check of one parameter, read from its schema. */
export interface ParamRule {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  type: ParamType;
  /** `date` or `date-time` strings (ISO 8601: `2026-02-01`, `2026-02-01T00:00:00Z`). */
  format?: ParamFormat;
  /** `null` is accepted too (`type: [integer, "null"]`); sent as the text `null`. */
  nullable: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  /** An ECMAScript regular expression the whole string must match somewhere (JSON Schema's rule). */
  pattern?: string;
  enum?: readonly (string | number | boolean)[];
  /** What the API uses when the parameter is left out. */
  default?: unknown;
  /** Deprecated in the document. */
  deprecated?: boolean;
  /** How messages state the rule: `an integer from 1 to 20`. */
  allowed: string;
}

/** @deprecated The old name of ParamRule, from when only query parameters were read. */
export type QueryRule = ParamRule;

/** Raised for anything the toolkit cannot serve; the build fails with it, naming the construct. */
export class UnsupportedOperationError extends Error {
  override name = 'UnsupportedOperationError';
}

const TYPES: readonly ParamType[] = ['integer', 'number', 'string', 'boolean'];
const FORMATS: readonly string[] = ['date', 'date-time'];
// Integer formats are annotations of the size of an integer: any integer the check accepts fits.
const ANNOTATION_FORMATS: readonly string[] = ['int32', 'int64'];

/**
 * The keywords of a scalar's constraints that a rule captures beside its type, enum and const:
 * what `meetsRule` checks. The mocks' check of a proposed value reads the same list.
 */
export const SCALAR_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
] as const;

/** Keywords that say nothing of a value (the mocks' faker adds the ones a response schema uses). */
export const ANNOTATION_KEYWORDS = [
  'description',
  'title',
  'examples',
  'example',
  '$comment',
  'readOnly',
  'writeOnly',
] as const;

// The keywords a rule captures, and annotations that constrain nothing. Anything else would be a
// constraint the checks skipped silently, so it fails the build.
const CAPTURED = new Set<string>([
  'type',
  'enum',
  'const',
  ...SCALAR_KEYWORDS,
  'default',
  'deprecated',
]);
const ANNOTATIONS = new Set<string>([...ANNOTATION_KEYWORDS, 'x-faker']);

const show = (value: unknown) => JSON.stringify(value);

/** The human phrase of a rule: `an integer from 1 to 20`, `one of "sent", "unsent"`. */
export function describeRule(
  rule: Omit<ParamRule, 'allowed' | 'name' | 'required' | 'in'>,
): string {
  let text: string;
  if (rule.enum) {
    text = rule.enum.length === 1 ? show(rule.enum[0]) : `one of ${rule.enum.map(show).join(', ')}`;
  } else if (rule.format === 'date') {
    text = 'a date such as "2026-02-01"';
  } else if (rule.format === 'date-time') {
    text = 'a date-time such as "2026-02-01T00:00:00Z"';
  } else if (rule.type === 'boolean') {
    text = 'true or false';
  } else {
    text = rule.type === 'integer' ? 'an integer' : `a ${rule.type}`;
    const low =
      rule.minimum !== undefined
        ? { value: rule.minimum, open: false }
        : rule.exclusiveMinimum !== undefined
          ? { value: rule.exclusiveMinimum, open: true }
          : undefined;
    const high =
      rule.maximum !== undefined
        ? { value: rule.maximum, open: false }
        : rule.exclusiveMaximum !== undefined
          ? { value: rule.exclusiveMaximum, open: true }
          : undefined;
    if (low && high && !low.open && !high.open) text += ` from ${low.value} to ${high.value}`;
    else {
      if (low) text += ` ${low.open ? '>' : '>='} ${low.value}`;
      if (high) text += `${low ? ' and' : ''} ${high.open ? '<' : '<='} ${high.value}`;
    }
    const { minLength: min, maxLength: max } = rule;
    if (min !== undefined && max !== undefined) text += ` of ${min} to ${max} characters`;
    else if (min !== undefined) text += ` of at least ${min} character${min === 1 ? '' : 's'}`;
    else if (max !== undefined) text += ` of at most ${max} characters`;
    if (rule.pattern !== undefined) text += ` matching /${rule.pattern}/`;
  }
  return rule.nullable ? `${text} (or null)` : text;
}

/**
 * The rule of one parameter object (already dereferenced), or UnsupportedOperationError naming
 * the parameter and the construct. `fail` adds the operation to the message.
 */
export function paramRule(
  parameter: JsonObject,
  root: RefRoot,
  fail: (why: string) => never,
): ParamRule {
  const name = String(parameter.name);
  const where = `${parameter.in} parameter "${name}"`;
  if (parameter.content !== undefined) fail(`${where} is described by "content", not a schema`);
  const style = parameter.style ?? (parameter.in === 'path' ? 'simple' : 'form');
  if (
    (parameter.in === 'query' && style !== 'form') ||
    (parameter.in === 'path' && style !== 'simple')
  ) {
    fail(`${where} has style "${String(style)}"`);
  }
  if (parameter.allowReserved === true) fail(`${where} sets allowReserved`);
  if (parameter.in === 'query' && parameter.allowEmptyValue === true)
    fail(`${where} sets allowEmptyValue`);
  if (parameter.in === 'path' && parameter.required !== true)
    fail(`${where} is not required (a path parameter must be)`);

  const schema = flatten(parameter.schema ?? {}, root);
  const types = typesOf(schema);
  const constant = 'const' in schema ? [schema.const] : undefined;
  const values = (Array.isArray(schema.enum) ? schema.enum : constant) as unknown[] | undefined;
  // An enum without a type: the type of its values, when they share one.
  const valueTypes =
    types.length > 0
      ? types.filter((t) => t !== 'null')
      : [
          ...new Set(
            values
              ?.filter((v) => v !== null)
              .map((v) => (Number.isInteger(v) ? 'integer' : typeof v)),
          ),
        ];
  const type = valueTypes[0] as ParamType;
  if (valueTypes.length !== 1 || !TYPES.includes(type)) {
    fail(
      `${where} has type ${show(schema.type ?? valueTypes)}, not one of ${TYPES.join(', ')} (optionally with null)`,
    );
  }
  const unknown = Object.keys(schema).filter((key) => !CAPTURED.has(key) && !ANNOTATIONS.has(key));
  if (unknown.length > 0) fail(`${where} uses ${unknown.join(', ')}, which no check covers`);
  const nullable = types.includes('null') || (values?.includes(null) ?? false);
  if (parameter.in === 'path' && nullable) fail(`${where} may be null`);

  const rule: Omit<ParamRule, 'allowed'> = {
    name,
    in: parameter.in as ParamRule['in'],
    required: parameter.required === true,
    type,
    nullable,
  };
  if (schema.format !== undefined) {
    const format = String(schema.format);
    if (FORMATS.includes(format)) {
      if (type !== 'string') fail(`${where} has format "${format}" on a ${type}`);
      rule.format = format as ParamFormat;
    } else if (!(ANNOTATION_FORMATS.includes(format) && type === 'integer')) {
      fail(
        `${where} has format "${format}" (known: ${[...FORMATS, ...ANNOTATION_FORMATS].join(', ')})`,
      );
    }
  }
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const value = schema[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || (type !== 'integer' && type !== 'number'))
      fail(`${where} has ${key} ${show(value)}`);
    rule[key] = value;
  }
  for (const key of ['minLength', 'maxLength'] as const) {
    const value = schema[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || type !== 'string') fail(`${where} has ${key} ${show(value)}`);
    rule[key] = value as number;
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== 'string' || type !== 'string')
      fail(`${where} has pattern ${show(schema.pattern)}`);
    try {
      new RegExp(schema.pattern, 'u');
    } catch {
      fail(`${where} has pattern ${show(schema.pattern)}, which is not a regular expression`);
    }
    rule.pattern = schema.pattern;
  }
  if (values) {
    const kept = values.filter((v) => v !== null);
    const bad = kept.filter((v) => (type === 'integer' ? !Number.isInteger(v) : typeof v !== type));
    if (bad.length > 0 || kept.length === 0)
      fail(`${where} has enum values ${show(bad)} that are not ${type}s`);
    rule.enum = kept as ParamRule['enum'] & unknown[];
  }
  if (schema.default !== undefined) rule.default = schema.default;
  if (parameter.deprecated === true || schema.deprecated === true) rule.deprecated = true;
  return { ...rule, allowed: describeRule(rule) };
}

/** A parameter object, `$ref`s followed. */
export function parameterOf(value: unknown, root: RefRoot): JsonObject {
  return deref<JsonObject>(value, root);
}
