// Rules for the tests, read from parameter objects by the spec package's own reader, so the
// tests check values against rules exactly as the table holds them.
import { type JsonObject, type ParamRule, paramRule } from '@ofauth-mass-messages/spec';

const fail = (why: string): never => {
  throw new Error(why);
};

/** The rule of a query (or path) parameter with this schema. */
export function rule(name: string, schema: JsonObject, more: JsonObject = {}): ParamRule {
  return paramRule({ name, in: 'query', schema, ...more }, {}, fail);
}

export const limit = rule('limit', { type: 'integer', minimum: 1, maximum: 20, default: 10 });
export const offset = rule('offset', { type: ['integer', 'null'], minimum: 0, default: 0 });
export const type = rule('type', { type: 'string', enum: ['sent', 'unsent', 'scheduled'] });
export const startDate = rule('startDate', { type: 'string', format: 'date-time' });
export const day = rule('day', { type: 'string', format: 'date' });
export const withTotal = rule('withTotal', { type: 'boolean' });
export const ratio = rule('ratio', { type: 'number', exclusiveMinimum: 0, maximum: 1 });
export const code = rule('code', { type: 'string', pattern: '^[a-z]{2}$', minLength: 2 });
export const id = rule('id', { type: 'integer', minimum: 1 }, { in: 'path', required: true });
export const query = [limit, offset, type, startDate, day, withTotal, ratio, code];
