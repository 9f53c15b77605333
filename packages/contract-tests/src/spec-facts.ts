// What the checks need to know about each operation, read from the bundled spec so that a spec
// edit changes the checks too: the page's item array key, and each query parameter's bounds.
import {
  getOperation,
  getQueryParameters,
  type JsonObject,
  listOperations,
  resolveRef,
} from '@ofauth-mass-messages/spec';

export interface IntegerBounds {
  min: number;
  /** Absent when the spec sets no maximum (offset). */
  max?: number;
  default: number;
}

export interface OperationFacts {
  operationId: string;
  path: string;
  /** The array property of the 200 page: `list` or `items`. */
  itemsKey: string;
  limit: IntegerBounds & { max: number };
  offset: IntegerBounds;
  /** The `type` filter's values and default, when the operation has one. */
  type?: { values: string[]; default: string };
}

function integerBounds(operationId: string, name: string, schema: JsonObject): IntegerBounds {
  const { minimum, maximum } = schema;
  const fallback = schema.default;
  if (typeof minimum !== 'number' || typeof fallback !== 'number') {
    throw new Error(`${operationId}: query parameter "${name}" has no numeric minimum and default`);
  }
  return {
    min: minimum,
    default: fallback,
    ...(typeof maximum === 'number' ? { max: maximum } : {}),
  };
}

function itemsKeyOf(operationId: string): string {
  const { operation } = getOperation(operationId);
  const responses = operation.responses as Record<string, unknown>;
  const ok = resolveRef<JsonObject>(responses['200']);
  const content = ok.content as Record<string, { schema: unknown }> | undefined;
  const page = resolveRef<JsonObject>(content?.['application/json']?.schema);
  const properties = (page.properties ?? {}) as Record<string, unknown>;
  const arrays = Object.entries(properties)
    .filter(([, schema]) => resolveRef<JsonObject>(schema).type === 'array')
    .map(([key]) => key);
  if (arrays.length !== 1) {
    throw new Error(`${operationId}: expected one array property in the 200 page, found ${arrays}`);
  }
  return arrays[0] as string;
}

const cache = new Map<string, OperationFacts>();

/** The facts of one operation, by operationId. */
export function operationFacts(operationId: string): OperationFacts {
  const hit = cache.get(operationId);
  if (hit) return hit;
  const { path } = getOperation(operationId);
  const params = new Map(getQueryParameters(operationId).map((p) => [p.name, p.schema]));
  const limitSchema = params.get('limit');
  const offsetSchema = params.get('offset');
  if (!limitSchema || !offsetSchema) {
    throw new Error(`${operationId}: the spec declares no limit/offset query parameters`);
  }
  const limit = integerBounds(operationId, 'limit', limitSchema);
  if (limit.max === undefined) throw new Error(`${operationId}: "limit" has no maximum`);
  const typeSchema = params.get('type');
  const facts: OperationFacts = {
    operationId,
    path,
    itemsKey: itemsKeyOf(operationId),
    limit: { ...limit, max: limit.max },
    offset: integerBounds(operationId, 'offset', offsetSchema),
    ...(typeSchema
      ? {
          type: {
            values: (typeSchema.enum as string[]).slice(),
            default: String(typeSchema.default),
          },
        }
      : {}),
  };
  cache.set(operationId, facts);
  return facts;
}

/** Every operation of the spec, in document order. */
export function allOperationFacts(): OperationFacts[] {
  return listOperations().map((op) => operationFacts(op.operationId));
}

/** The operation served at a request path, or undefined for a path the spec does not have. */
export function operationAtPath(path: string): OperationFacts | undefined {
  return allOperationFacts().find((facts) => facts.path === path);
}
