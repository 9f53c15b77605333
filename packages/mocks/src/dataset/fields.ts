// How the dataset's hand-written generators touch a generated record: through its schema. A
// record comes from the schema faker (every field the spec has, none it lacks); the realistic
// generators (generate.ts, media.ts) then *propose* values for the fields they know, and a
// proposal lands only where the schema has that property and accepts the value (fits.ts). So a
// field the spec removes is never written back, a value the spec no longer allows is left as the
// faker made it, and a field the spec adds is there with a generated value, with no edit here.
import { type JsonObject, type RefRoot, typesOf } from '@ofauth-mass-messages/spec';
import { fits } from './fits.js';
import { type FakerContext, fakeValue } from './schema-faker.js';
import { resolved as deref, shapeOf } from './schemas.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A generated object and its schema, and the one way to change it. */
export class Fields {
  readonly value: Record<string, unknown>;
  private readonly properties: Record<string, unknown>;
  private readonly required: string[];

  constructor(
    value: Record<string, unknown>,
    schema: unknown,
    private readonly faker: FakerContext,
  ) {
    this.value = value;
    const shape = shapeOf(schema, this.root);
    this.properties = shape.properties;
    this.required = shape.required;
  }

  private get root(): RefRoot {
    return this.faker.schemas;
  }

  /** Whether the schema has this property. */
  has(name: string): boolean {
    return Object.hasOwn(this.properties, name);
  }

  /** The property's schema (undefined when the schema has no such property). */
  schemaOf(name: string): unknown {
    return this.has(name) ? this.properties[name] : undefined;
  }

  /** The values the property's enum allows (null left out), or undefined without an enum. */
  enumOf(name: string): unknown[] | undefined {
    if (!this.has(name)) return undefined;
    const schema = deref<JsonObject>(this.properties[name], this.root);
    return Array.isArray(schema.enum) ? schema.enum.filter((value) => value !== null) : undefined;
  }

  /** Whether `value` would be accepted for the property. */
  accepts(name: string, value: unknown): boolean {
    return this.has(name) && value !== undefined && fits(this.properties[name], value, this.root);
  }

  /**
   * Writes `value` when the schema has the property and accepts it (present or not before);
   * returns whether it did. Anything else leaves the record as the faker made it.
   */
  propose(name: string, value: unknown): boolean {
    if (!this.accepts(name, value)) return false;
    this.value[name] = value;
    return true;
  }

  /** Proposes `make()` only when the property is there already (an optional field stays out). */
  refine(name: string, make: () => unknown): boolean {
    return Object.hasOwn(this.value, name) && this.propose(name, make());
  }

  /** Leaves an optional property out (a required one stays). */
  drop(name: string): void {
    if (!this.required.includes(name)) delete this.value[name];
  }

  /**
   * The object at `name`, as Fields over the branch of its schema it matches; generated from the
   * schema first when `create` is set and the property is absent. Undefined for anything else
   * (no such property, null, not an object).
   */
  nested(name: string, create = false): Fields | undefined {
    if (!this.has(name)) return undefined;
    const schema = this.properties[name];
    if (!Object.hasOwn(this.value, name) && create) {
      const made = this.fakeObject(schema);
      if (made === undefined) return undefined;
      this.value[name] = made;
    }
    const current = this.value[name];
    if (!isRecord(current)) return undefined;
    return new Fields(current, this.branchOf(schema, current), this.faker);
  }

  /** The schema of one item of the array property `name` (undefined when it is not an array). */
  itemSchema(name: string): unknown {
    const schema = this.branchOf(this.properties[name], []);
    const items = schema && (schema as JsonObject).items;
    return items;
  }

  /** The items of the array property `name` that are objects, each as Fields. */
  items(name: string): Fields[] {
    const list = this.value[name];
    const schema = this.itemSchema(name);
    if (!Array.isArray(list) || schema === undefined) return [];
    return list.filter(isRecord).map((item) => new Fields(item, schema, this.faker));
  }

  /** An object generated from `schema` (its non-null branch), or undefined when it makes none. */
  fakeObject(schema: unknown): Record<string, unknown> | undefined {
    for (let attempt = 0; attempt < 4; attempt++) {
      const made = fakeValue(schema, { ...this.faker, nulls: 0 });
      if (isRecord(made)) return made;
    }
    return undefined;
  }

  /**
   * The part of a schema a value is read by: the schema itself, or the branch of its
   * `anyOf`/`oneOf` (a nullable object, a sender of two shapes) that accepts the value.
   */
  private branchOf(schema: unknown, value: unknown): unknown {
    const resolved = schema === undefined ? undefined : (deref(schema, this.root) as JsonObject);
    const choices = (resolved?.anyOf ?? resolved?.oneOf) as unknown[] | undefined;
    if (!Array.isArray(choices)) return schema;
    return (
      choices.find((choice) => fits(choice, value, this.root)) ??
      choices.find((choice) =>
        Array.isArray(value) ? isArraySchema(choice, this.root) : isObjectSchema(choice, this.root),
      ) ??
      schema
    );
  }
}

function isArraySchema(schema: unknown, root: RefRoot): boolean {
  const resolved = deref<JsonObject>(schema, root);
  return typesOf(resolved).includes('array') || resolved.items !== undefined;
}

function isObjectSchema(schema: unknown, root: RefRoot): boolean {
  const resolved = deref<JsonObject>(schema, root);
  return (
    typesOf(resolved).includes('object') ||
    resolved.properties !== undefined ||
    Array.isArray(resolved.allOf)
  );
}
