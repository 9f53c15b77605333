// Whether a value is one a schema accepts: the guard on every value that does not come from the
// schema itself (a realistic value the dataset's hand-written generators propose, an `x-faker`
// hint, an example). A proposal that does not fit is dropped and the schema's own value kept, so
// the hand-written code can make a field realistic but can never put there what the spec refuses
// (a removed enum value, a null the field no longer allows, a number where it now wants text).
// Structure is read with the spec's one resolver; scalar rules (ranges, lengths, pattern, date
// formats) are core's one check of a value against a rule (`meetsRule`, the parameters' check).
import { meetsRule } from '@ofauth-mass-messages/core';
import {
  type JsonObject,
  type ParamRule,
  paramRule,
  type RefRoot,
  SCALAR_KEYWORDS,
  typesOf,
} from '@ofauth-mass-messages/spec';
import { resolved } from './schemas.js';

const LOOSE_FORMATS = ['float', 'double', 'password', 'binary'];

/** The JSON type of a value, `integer` for a whole number. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Deep equality of JSON values (for `const`, `enum` and `uniqueItems`). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) =>
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

const rules = new WeakMap<object, Map<string, ParamRule | null>>();

/** The scalar rule of a schema for a value of `type` (null when no check covers a keyword). */
function scalarRule(schema: JsonObject, type: string, root: RefRoot): ParamRule | null {
  let byType = rules.get(schema);
  if (!byType) {
    byType = new Map();
    rules.set(schema, byType);
  }
  let rule = byType.get(type);
  if (rule === undefined) {
    const scalar: JsonObject = {
      type: type === 'integer' && schema.type === 'number' ? 'number' : type,
    };
    for (const key of SCALAR_KEYWORDS) if (key in schema) scalar[key] = schema[key];
    // Formats that constrain nothing a JSON value can break (any number is a double).
    if (LOOSE_FORMATS.includes(String(scalar.format))) delete scalar.format;
    try {
      rule = paramRule({ name: 'value', in: 'query', schema: scalar }, root, (why) => {
        throw new Error(why);
      });
    } catch {
      // A format no check knows (email, uuid): the proposal cannot be vouched for.
      rule = null;
    }
    byType.set(type, rule);
  }
  return rule;
}

/** Whether `schema` (a `$ref`, inline, or composed) accepts `value`. */
export function fits(schema: unknown, value: unknown, root: RefRoot, depth = 0): boolean {
  if (depth > 64) return false;
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  const s = resolved<JsonObject>(schema, root);
  if (typeof s !== 'object' || s === null) return false;
  const next = (part: unknown, item: unknown = value) => fits(part, item, root, depth + 1);
  if (Array.isArray(s.allOf) && !s.allOf.every((part) => next(part))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((part) => next(part))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((part) => next(part)).length !== 1) return false;
  if ('const' in s && !sameJson(s.const, value)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((option) => sameJson(option, value))) return false;

  const types = typesOf(s);
  if (s.nullable === true) types.push('null');
  const actual = jsonType(value);
  if (
    types.length > 0 &&
    !types.includes(actual) &&
    !(actual === 'integer' && types.includes('number'))
  ) {
    return false;
  }
  switch (actual) {
    case 'null':
    case 'boolean':
      return true;
    case 'object': {
      const object = value as Record<string, unknown>;
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const required = (s.required ?? []) as string[];
      if (!required.every((name) => Object.hasOwn(object, name))) return false;
      for (const [name, item] of Object.entries(object)) {
        if (Object.hasOwn(properties, name)) {
          if (!next(properties[name], item)) return false;
        } else if (s.additionalProperties !== undefined && !next(s.additionalProperties, item)) {
          return false;
        }
      }
      return true;
    }
    case 'array': {
      const items = value as unknown[];
      if (typeof s.minItems === 'number' && items.length < s.minItems) return false;
      if (typeof s.maxItems === 'number' && items.length > s.maxItems) return false;
      if (s.items !== undefined && !items.every((item) => next(s.items, item))) return false;
      if (s.uniqueItems === true) {
        if (items.some((item, i) => items.slice(0, i).some((other) => sameJson(item, other)))) {
          return false;
        }
      }
      return true;
    }
    default: {
      if (typeof s.multipleOf === 'number') {
        const ratio = (value as number) / s.multipleOf;
        if (Math.abs(ratio - Math.round(ratio)) > 1e-9) return false;
      }
      if (!SCALAR_KEYWORDS.some((key) => key in s)) return true;
      const rule = scalarRule(s, actual, root);
      return rule !== null && meetsRule(rule, value);
    }
  }
}
