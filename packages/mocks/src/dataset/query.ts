// Reads an operation's query parameters the way the spec defines them (range, enum, default),
// from the spec itself: the dataset server never keeps its own table of limits.
import { getQueryParameters } from '@ofauth-mass-messages/spec';

export type QueryValues = Record<string, number | string>;

export type QueryResult =
  | { ok: true; values: QueryValues }
  | { ok: false; parameter: string; message: string };

/** Parses and checks each query parameter of `operationId` found in `search`. */
export function readQuery(operationId: string, search: URLSearchParams): QueryResult {
  const values: QueryValues = {};
  for (const { name, schema } of getQueryParameters(operationId)) {
    const raw = search.get(name);
    const types = ([] as unknown[]).concat(schema.type ?? []);
    if (raw === null || (raw === '' && types.includes('null'))) {
      if (schema.default !== undefined) values[name] = schema.default as number | string;
      continue;
    }
    if (types.includes('integer')) {
      const value = Number(raw);
      const min = schema.minimum as number | undefined;
      const max = schema.maximum as number | undefined;
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value)) {
        return { ok: false, parameter: name, message: `${name} must be an integer, got "${raw}"` };
      }
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        const range =
          max === undefined
            ? `at least ${min}`
            : min === undefined
              ? `at most ${max}`
              : `between ${min} and ${max}`;
        return { ok: false, parameter: name, message: `${name} must be ${range}, got ${value}` };
      }
      values[name] = value;
    } else {
      const allowed = schema.enum as string[] | undefined;
      if (allowed && !allowed.includes(raw)) {
        const message = `${name} must be one of ${allowed.join(', ')}, got "${raw}"`;
        return { ok: false, parameter: name, message };
      }
      values[name] = raw;
    }
  }
  return { ok: true, values };
}
