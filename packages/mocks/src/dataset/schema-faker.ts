// Records generated from an operation's item schema, for operations without a hand-made
// generator (and for every operation in dynamic mode). A small JSON Schema faker driven by the
// dataset's seeded random, so that it runs in browsers too and the same seed gives the same
// records; it reads the spec's `x-faker` hints (the ones the spec uses: numbers in a range,
// picks from a list, `[a-b]` ranges in a pattern, prices, names, texts) for realistic values.
import type { JsonSchema } from '../core/spec-data.js';
import type { Random } from './random.js';
import { createText } from './text.js';

export interface FakerContext {
  random: Random;
  /** Component schemas, for `$ref`s. */
  schemas: Record<string, JsonSchema>;
}

/** How likely an optional property is filled in (the API leaves optional fields out often). */
const OPTIONAL_PROBABILITY = 0.5;
/** Arrays without a `maxItems` get at most this many items (nested media stay small). */
const MAX_ITEMS = 3;
/** Deeper than this, optional parts are left out so that recursive schemas end. */
const MAX_DEPTH = 10;

const FIRST = ['Mia', 'Jade', 'Nora', 'Leo', 'Ava', 'Luca', 'Zoe', 'Ivy', 'Noah', 'Ella'];
const LAST = ['Laurent', 'Rivers', 'Vance', 'Marchetti', 'Sinclair', 'Moreau', 'Hart', 'Quinn'];
const PHRASES = ['Exclusive drop', 'Limited bundle', 'Weekend special', 'Fan favourite', 'New set'];
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

function resolve(schema: JsonSchema, context: FakerContext): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const name = current.$ref.replace(/^#\/components\/schemas\//, '');
    const target = context.schemas[name];
    if (!target) throw new Error(`Cannot generate data: unknown schema reference ${current.$ref}`);
    current = target;
  }
  return current;
}

/** `[10-28]` in a pattern becomes a number from 10 to 28, as faker's regexpStyleStringParse does. */
function fromPattern(pattern: string, random: Random): string {
  return pattern.replace(/\[(\d+)-(\d+)\]/g, (_, min: string, max: string) => {
    const value = random.int(Number(min), Number(max));
    return String(value).padStart(min.length === max.length ? min.length : 0, '0');
  });
}

/** The value of an `x-faker` hint, or undefined for a hint this faker does not know. */
function fromHint(hint: unknown, random: Random): unknown {
  const [name, args] =
    typeof hint === 'string' ? [hint, undefined] : (Object.entries(hint as object)[0] ?? []);
  const list = Array.isArray(args) ? args : [args];
  switch (name) {
    case 'datatype.number': {
      const { min = 0, max = 99_999 } = (args ?? {}) as { min?: number; max?: number };
      return random.int(min, max);
    }
    case 'helpers.arrayElement':
      return random.pick(list[0] as unknown[]);
    case 'helpers.regexpStyleStringParse':
      return fromPattern(String(list[0]), random);
    case 'commerce.price': {
      const [min = 1, max = 100, decimals = 2] = list as number[];
      return random.int(min, max).toFixed(decimals);
    }
    case 'random.alphaNumeric':
      return Array.from({ length: Number(list[0] ?? 8) }, () =>
        random.pick([...ALPHANUMERIC]),
      ).join('');
    case 'name.findName':
      return `${random.pick(FIRST)} ${random.pick(LAST)}`;
    case 'internet.userName':
      return `${random.pick(FIRST)}${random.pick(LAST)}${random.int(1, 99)}`.toLowerCase();
    case 'commerce.productDescription':
      return createText(random).text;
    case 'company.catchPhrase':
      return `${random.pick(PHRASES)} ${random.pick(FIRST)}`;
    default:
      return undefined;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function fitsType(value: unknown, types: string[]): boolean {
  const actual = typeOf(value);
  return (
    types.length === 0 ||
    types.includes(actual) ||
    (actual === 'integer' && types.includes('number'))
  );
}

/** A value that the schema accepts. */
export function fakeValue(schema: JsonSchema, context: FakerContext, depth = 0): unknown {
  const { random } = context;
  const resolved = resolve(schema, context);
  if (Array.isArray(resolved.allOf)) {
    // Objects in an allOf each add properties: their values merged.
    return Object.assign(
      {},
      ...(resolved.allOf as JsonSchema[]).map((part) => fakeValue(part, context, depth)),
    );
  }
  const choices = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (choices) return fakeValue(random.pick(choices), context, depth);
  if (Array.isArray(resolved.enum)) return random.pick(resolved.enum);
  if ('const' in resolved) return resolved.const;

  const types = ([] as string[]).concat((resolved.type as string | string[] | undefined) ?? []);
  const valueTypes = types.filter((type) => type !== 'null');
  // A nullable field is null now and then, as the API sends it.
  if (types.includes('null') && (valueTypes.length === 0 || random.chance(0.2))) return null;
  if (resolved['x-faker'] !== undefined) {
    const hinted = fromHint(resolved['x-faker'], random);
    if (hinted !== undefined && fitsType(hinted, valueTypes)) return hinted;
  }
  const type = valueTypes.length > 0 ? random.pick(valueTypes) : undefined;
  switch (type) {
    case 'object':
      return fakeObject(resolved, context, depth);
    case 'array': {
      const min = (resolved.minItems as number | undefined) ?? 0;
      const max = Math.min((resolved.maxItems as number | undefined) ?? MAX_ITEMS, MAX_ITEMS);
      const length = depth >= MAX_DEPTH ? min : random.int(min, Math.max(min, max));
      const items = (resolved.items ?? {}) as JsonSchema;
      return Array.from({ length }, () => fakeValue(items, context, depth + 1));
    }
    case 'integer':
    case 'number': {
      const min = (resolved.minimum as number | undefined) ?? 0;
      const max = (resolved.maximum as number | undefined) ?? min + 1_000;
      return random.int(Math.ceil(min), Math.floor(max));
    }
    case 'boolean':
      return random.chance(0.5);
    case 'string':
      return resolved.format === 'date-time'
        ? new Date(Date.UTC(2026, 10, random.int(1, 28), random.int(0, 23))).toISOString()
        : random.pick(PHRASES);
    default:
      // No type at all (`{}` or a description only): any value fits; null says least.
      return typeof resolved.properties === 'object' ? fakeObject(resolved, context, depth) : null;
  }
}

function fakeObject(schema: JsonSchema, context: FakerContext, depth: number): object {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(
    (schema.properties ?? {}) as Record<string, JsonSchema>,
  )) {
    const filled =
      required.has(name) || (depth < MAX_DEPTH && context.random.chance(OPTIONAL_PROBABILITY));
    if (filled) result[name] = fakeValue(property, context, depth + 1);
  }
  return result;
}
