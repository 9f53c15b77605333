// Values generated from a schema: every record the dataset and dynamic modes serve starts here,
// so the spec alone decides which fields exist (every required property, optional ones now and
// then), which values they may take (`enum`, `const`, `format`, `pattern`, ranges, lengths, item
// counts) and where null may stand (`type: [x, "null"]`, an `anyOf` with null, `nullable`). A
// small JSON Schema faker driven by the dataset's seeded random, so that it runs in browsers too
// and the same seed gives the same records; schemas are read with the spec's one resolver
// (`$ref`, inline and `allOf` alike). It reads the spec's `x-faker` hints (numbers in a range,
// picks from a list, `[a-b]` ranges in a pattern, prices, names, texts) for realistic values,
// and uses one only when the schema accepts what it gives.
import { type JsonObject, type RefRoot, typesOf } from '@ofauth-mass-messages/spec';
import { fits, sameJson } from './fits.js';
import { isAnnotation } from './keywords.js';
import { patternString } from './pattern.js';
import type { Random } from './random.js';
import { resolved as derefOnce, flattened } from './schemas.js';
import { createText } from './text.js';

export interface FakerContext {
  random: Random;
  /** Where `$ref`s point: the component schemas (or a whole document). */
  schemas: RefRoot;
  /** How likely an optional property is filled in (default 0.5: the API leaves many out). */
  optional?: number;
  /** How likely a value that may be null is null (default 0.2). */
  nulls?: number;
}

/** A schema the faker cannot draw a value for (the start-up check names these first). */
class UnservableSchemaError extends Error {
  override name = 'UnservableSchemaError';
}

/** Arrays without a `maxItems` get at most this many items (nested media stay small). */
const MAX_ITEMS = 3;
/** Deeper than this, optional parts are left out so that recursive schemas end. */
const MAX_DEPTH = 10;

const FIRST = ['Mia', 'Jade', 'Nora', 'Leo', 'Ava', 'Luca', 'Zoe', 'Ivy', 'Noah', 'Ella'];
const LAST = ['Laurent', 'Rivers', 'Vance', 'Marchetti', 'Sinclair', 'Moreau', 'Hart', 'Quinn'];
const PHRASES = ['Exclusive drop', 'Limited bundle', 'Weekend special', 'Fan favourite', 'New set'];
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
/** `[10-28]` in a pattern becomes a number from 10 to 28, as faker's regexpStyleStringParse does. */
function fromRanges(pattern: string, random: Random): string {
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
      return fromRanges(String(list[0]), random);
    case 'commerce.price': {
      const [min = 1, max = 100, decimals = 2] = list as number[];
      return random.int(min, max).toFixed(decimals);
    }
    case 'random.alphaNumeric':
      return draw(ALPHANUMERIC, Number(list[0] ?? 8), random);
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

function draw(alphabet: string, length: number, random: Random): string {
  return Array.from({ length }, () => random.pick([...alphabet])).join('');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A value in a string format, in the dataset's month (a fixed time, so seeds repeat). */
function formatted(format: string, random: Random): string | undefined {
  const day = `2026-${pad(random.int(10, 11))}-${pad(random.int(1, 28))}`;
  const time = `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
  switch (format) {
    case 'date':
      return day;
    case 'date-time':
      return `${day}T${time}Z`;
    case 'time':
      return `${time}Z`;
    case 'email':
      return `${random.pick(FIRST)}.${random.pick(LAST)}${random.int(1, 99)}@example.com`.toLowerCase();
    case 'uri':
    case 'url':
    case 'uri-reference':
    case 'iri':
      return `https://cdn.example-media.net/files/${random.int(3_800_000_000, 3_899_999_999)}`;
    case 'uuid':
      return `${draw(HEX, 8, random)}-${draw(HEX, 4, random)}-4${draw(HEX, 3, random)}-${random.pick([...'89ab'])}${draw(HEX, 3, random)}-${draw(HEX, 12, random)}`;
    case 'hostname':
      return `media-${random.int(1, 99)}.example.net`;
    case 'ipv4':
      return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
    case 'ipv6':
      return `2001:db8::${draw(HEX, 4, random)}`;
    case 'byte':
      return btoa(random.pick(PHRASES));
    default:
      return undefined;
  }
}

/** Whether a schema (resolved) constrains a value at all. */
function constrains(schema: JsonObject): boolean {
  return Object.keys(schema).some((key) => !isAnnotation(key));
}

function isNullSchema(schema: JsonObject): boolean {
  const types = typesOf(schema);
  return (
    (types.length === 1 && types[0] === 'null') || ('const' in schema && schema.const === null)
  );
}

/** A value that the schema accepts. */
export function fakeValue(schema: unknown, context: FakerContext, depth = 0): unknown {
  const { random, schemas } = context;
  let resolved = derefOnce<JsonObject>(schema ?? {}, schemas);
  if (resolved === (true as unknown) || typeof resolved !== 'object' || resolved === null) {
    resolved = {};
  }
  if (Array.isArray(resolved.allOf)) resolved = flattened(resolved, schemas);
  const choices = (resolved.oneOf ?? resolved.anyOf) as unknown[] | undefined;
  if (Array.isArray(choices)) return fakeChoice(resolved, choices, context, depth);
  if ('const' in resolved) return resolved.const;
  if (Array.isArray(resolved.enum)) {
    const values = resolved.enum.filter((value) => value !== null);
    const nullable = values.length < resolved.enum.length;
    if (values.length === 0 || (nullable && random.chance(context.nulls ?? 0.2))) return null;
    return random.pick(values);
  }

  const types = typesOf(resolved);
  if (resolved.nullable === true) types.push('null');
  const valueTypes = types.filter((type) => type !== 'null');
  // A nullable field is null now and then, as the API sends it.
  if (types.includes('null') && (valueTypes.length === 0 || random.chance(context.nulls ?? 0.2))) {
    return null;
  }
  if (resolved['x-faker'] !== undefined) {
    const hinted = fromHint(resolved['x-faker'], random);
    if (hinted !== undefined && fits(resolved, hinted, schemas)) return hinted;
  }
  const type =
    valueTypes.length > 0
      ? random.pick(valueTypes)
      : typeof resolved.properties === 'object'
        ? 'object'
        : resolved.items !== undefined
          ? 'array'
          : undefined;
  switch (type) {
    case 'object':
      return fakeObject(resolved, context, depth);
    case 'array':
      return fakeArray(resolved, context, depth);
    case 'integer':
    case 'number':
      return fakeNumber(resolved, type === 'integer', random);
    case 'boolean':
      return random.chance(0.5);
    case 'string':
      return fakeString(resolved, random);
    default:
      // No type at all (`{}` or a description only): any value fits; null says least.
      return null;
  }
}

/** One of `anyOf`/`oneOf` (null among them now and then); for `oneOf`, one only that fits. */
function fakeChoice(
  schema: JsonObject,
  choices: unknown[],
  context: FakerContext,
  depth: number,
): unknown {
  const { anyOf: _anyOf, oneOf, ...rest } = schema;
  const nulls = choices.filter((choice) =>
    isNullSchema(derefOnce<JsonObject>(choice, context.schemas)),
  );
  const others = choices.filter((choice) => !nulls.includes(choice));
  if (nulls.length > 0 && (others.length === 0 || context.random.chance(context.nulls ?? 0.2))) {
    return null;
  }
  let value: unknown;
  for (let attempt = 0; attempt < 8; attempt++) {
    const choice = context.random.pick(others);
    value = fakeValue(constrains(rest) ? { allOf: [rest, choice] } : choice, context, depth);
    // oneOf: a value two branches accept is valid for neither reading of it.
    if (oneOf === undefined || fits(schema, value, context.schemas)) return value;
  }
  return value;
}

function fakeObject(schema: JsonObject, context: FakerContext, depth: number): object {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const filled =
      required.has(name) || (depth < MAX_DEPTH && context.random.chance(context.optional ?? 0.5));
    if (filled) result[name] = fakeValue(property, context, depth + 1);
  }
  // Required names the object's properties do not describe: whatever `additionalProperties` says.
  for (const name of required) {
    if (!Object.hasOwn(result, name)) {
      const extra =
        typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
      result[name] = fakeValue(extra, context, depth + 1);
    }
  }
  return result;
}

function fakeArray(schema: JsonObject, context: FakerContext, depth: number): unknown[] {
  const min = (schema.minItems as number | undefined) ?? 0;
  const max = Math.max(
    min,
    Math.min((schema.maxItems as number | undefined) ?? MAX_ITEMS, MAX_ITEMS),
  );
  const length = depth >= MAX_DEPTH ? min : context.random.int(min, max);
  const items: unknown[] = [];
  // uniqueItems: draw again (a few times) when a value repeats.
  for (let attempt = 0; items.length < length && attempt < length * 8; attempt++) {
    const item = fakeValue(schema.items ?? {}, context, depth + 1);
    if (schema.uniqueItems === true && items.some((other) => sameJson(other, item))) continue;
    items.push(item);
  }
  return items;
}

function fakeNumber(schema: JsonObject, integer: boolean, random: Random): number {
  const num = (key: string) =>
    typeof schema[key] === 'number' ? (schema[key] as number) : undefined;
  const exclusiveMin = num('exclusiveMinimum');
  const exclusiveMax = num('exclusiveMaximum');
  let low = Math.max(
    num('minimum') ?? -Infinity,
    exclusiveMin === undefined ? -Infinity : Math.floor(exclusiveMin) + 1,
  );
  let high = Math.min(
    num('maximum') ?? Infinity,
    exclusiveMax === undefined ? Infinity : Math.ceil(exclusiveMax) - 1,
  );
  if (low === -Infinity) low = high === Infinity ? 0 : high - 1_000;
  if (high === Infinity) high = low + 1_000;
  const step = num('multipleOf');
  if (step !== undefined && step > 0) {
    const first = Math.ceil(low / step);
    const last = Math.floor(high / step);
    if (first <= last) return Number((random.int(first, last) * step).toPrecision(12));
  }
  if (Math.ceil(low) <= Math.floor(high)) return random.int(Math.ceil(low), Math.floor(high));
  // A range narrower than one: a fraction inside it (not for integers, which have none there).
  const lowest = num('minimum') ?? exclusiveMin ?? low;
  const highest = num('maximum') ?? exclusiveMax ?? high;
  return integer ? Math.ceil(lowest) : (lowest + highest) / 2;
}

function fakeString(schema: JsonObject, random: Random): string {
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
  const format = typeof schema.format === 'string' ? formatted(schema.format, random) : undefined;
  if (format !== undefined && (pattern === undefined || new RegExp(pattern, 'u').test(format))) {
    return format;
  }
  if (pattern !== undefined) {
    const examples = [
      ...(Array.isArray(schema.examples) ? schema.examples : []),
      ...('example' in schema ? [schema.example] : []),
    ].filter((example) => typeof example === 'string' && fits(schema, example, {}));
    const drawn =
      patternString(pattern, random) ?? (examples.length > 0 ? random.pick(examples) : undefined);
    if (typeof drawn !== 'string') {
      throw new UnservableSchemaError(`no string can be drawn for the pattern /${pattern}/`);
    }
    return drawn;
  }
  let text = random.pick(PHRASES);
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = schema.maxLength as number | undefined;
  if ([...text].length < min) text += draw(ALPHANUMERIC, min - [...text].length, random);
  if (max !== undefined && [...text].length > max) text = [...text].slice(0, max).join('');
  return text;
}
