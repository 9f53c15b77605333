// The spec's one resolver, remembered: a record set reads the same few schemas thousands of times
// (every media item, every release form), and the document does not change while a mock runs, so
// what `deref`, `flatten` and `objectShape` give for a schema object is kept beside it.
import {
  deref,
  flatten,
  type JsonObject,
  type ObjectShape,
  objectShape,
  type RefRoot,
} from '@ofauth-mass-messages/spec';

type Memo = {
  deref: WeakMap<object, unknown>;
  flat: WeakMap<object, JsonObject>;
  shape: WeakMap<object, ObjectShape>;
};
const byRoot = new WeakMap<object, Memo>();

function memoOf(root: RefRoot): Memo {
  let memo = byRoot.get(root);
  if (!memo) {
    memo = { deref: new WeakMap(), flat: new WeakMap(), shape: new WeakMap() };
    byRoot.set(root, memo);
  }
  return memo;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** `deref(schema, root)`, once per schema object. */
export function resolved<T = JsonObject>(schema: unknown, root: RefRoot): T {
  if (!isObject(schema)) return deref<T>(schema, root);
  const memo = memoOf(root).deref;
  if (!memo.has(schema)) memo.set(schema, deref(schema, root));
  return memo.get(schema) as T;
}

/** `flatten(schema, root)`, once per schema object. */
export function flattened(schema: unknown, root: RefRoot): JsonObject {
  if (!isObject(schema)) return flatten(schema, root);
  const memo = memoOf(root).flat;
  let value = memo.get(schema);
  if (value === undefined) {
    value = flatten(schema, root);
    memo.set(schema, value);
  }
  return value;
}

/** `objectShape(schema, root)`, once per schema object. */
export function shapeOf(schema: unknown, root: RefRoot): ObjectShape {
  if (!isObject(schema)) return objectShape(schema, root);
  const memo = memoOf(root).shape;
  let value = memo.get(schema);
  if (value === undefined) {
    value = objectShape(schema, root);
    memo.set(schema, value);
  }
  return value;
}
