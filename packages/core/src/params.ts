// The one check of parameter values against the operations table's rules, in both directions:
// typed values a client is about to send (`checkParams`), and the text of a request a server
// received (`parseParams`), with the canonical text of every accepted value (`formatValue`), so
// that what the proxy forwards and the client sends is exactly what was checked. The client (in
// browsers), the mocks, the MSW handlers and the proxy all check with this: "what does `limit`
// allow" has one answer and one wording. Written small: it ships in the client's browser bundle.
import type { ParamRule } from '@ofauth-mass-messages/spec';
import { type Problem, problem } from './problem.js';

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
// RFC 3339 (the profile of ISO 8601 that JSON Schema's `date-time` names): a time and an offset.
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-](\d\d):(\d\d))$/;
// Integers as the API reads them: decimal digits, an optional minus; nothing else (`1e1`, ` 5`,
// `0x10`, `+5`, `1.0`). Leading zeros are read (`05` is 5) and forwarded canonically (`5`).
const INTEGER_TEXT = /^-?\d{1,16}$/;
const NUMBER_TEXT = /^-?\d{1,16}(\.\d{1,16})?$/;

/** Whether `y-m-d` names a day of the calendar (no 31 April, 29 February only in leap years). */
function isDay(y: number, m: number, d: number): boolean {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= last;
}

/** Whether a string is a date (`2026-02-01`) or an RFC 3339 date-time, as `format` says. */
function isFormatted(format: ParamRule['format'], text: string): boolean {
  const parts = (format === 'date' ? DATE : DATE_TIME).exec(text)?.map((part) => Number(part ?? 0));
  if (!parts) return false;
  const [, y = 0, m = 0, d = 0, h = 0, min = 0, s = 0, , , oh = 0, om = 0] = parts;
  return isDay(y, m, d) && h < 24 && min < 60 && s < 61 && oh < 24 && om < 60;
}

/** Whether a typed value meets its rule; `undefined` always does (the API applies the default). */
export function meetsRule(rule: ParamRule, value: unknown): boolean {
  if (value === undefined || (value === null && rule.nullable)) return true;
  if (rule.enum) return rule.enum.includes(value as never);
  if (rule.format && value instanceof Date) return !Number.isNaN(value.getTime());
  switch (rule.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string': {
      // A path segment must be one: not empty (`/x//buyers`), and not `.` or `..`, which a URL
      // parser resolves (encoded or not: `%2E` is a dot to it) into another path.
      if (typeof value !== 'string' || (rule.in === 'path' && /^\.{0,2}$/.test(value))) {
        return false;
      }
      const length = [...value].length;
      return (
        (rule.minLength === undefined || length >= rule.minLength) &&
        (rule.maxLength === undefined || length <= rule.maxLength) &&
        (rule.pattern === undefined || new RegExp(rule.pattern, 'u').test(value)) &&
        (rule.format === undefined || isFormatted(rule.format, value))
      );
    }
    default: {
      const n = value as number;
      return (
        (rule.type === 'integer' ? Number.isSafeInteger(n) : Number.isFinite(n)) &&
        (rule.minimum === undefined || n >= rule.minimum) &&
        (rule.maximum === undefined || n <= rule.maximum) &&
        (rule.exclusiveMinimum === undefined || n > rule.exclusiveMinimum) &&
        (rule.exclusiveMaximum === undefined || n < rule.exclusiveMaximum)
      );
    }
  }
}

/**
 * Checks typed values (a client's call) against rules: the first problem, or undefined. A name
 * no rule has is a problem too: the API would ignore it, and the caller would silently get
 * something other than what they asked for. A required parameter left out is one as well.
 */
export function checkParams(
  rules: readonly ParamRule[],
  values: Record<string, unknown>,
): Problem | undefined {
  for (const name of Object.keys(values)) {
    if (!rules.some((rule) => rule.name === name)) {
      return problem(name, `left out (known: ${rules.map((r) => r.name).join(', ') || 'none'})`);
    }
  }
  for (const rule of rules) {
    const value = values[rule.name];
    if (value === undefined || value === null) {
      if (rule.required && !(value === null && rule.nullable)) {
        return problem(rule.name, `given (${rule.allowed})`);
      }
    } else if (!meetsRule(rule, value)) return problem(rule.name, rule.allowed, value);
  }
  return undefined;
}

/** The canonical text of a checked value: what is sent and forwarded. */
export function formatValue(rule: ParamRule, value: unknown): string {
  if (value instanceof Date) {
    const text = value.toISOString();
    return rule.format === 'date' ? text.slice(0, 10) : text;
  }
  return String(value);
}

/** The typed value of one text value (a query or path segment), or undefined when it is none. */
export function parseText(rule: ParamRule, text: string): unknown {
  if (rule.nullable && text === 'null') return null;
  let value: unknown;
  if (rule.type === 'string') value = text;
  else if (rule.type === 'boolean')
    value = text === 'true' ? true : text === 'false' ? false : undefined;
  else if ((rule.type === 'integer' ? INTEGER_TEXT : NUMBER_TEXT).test(text))
    value = Number(text) + 0;
  return value !== undefined && meetsRule(rule, value) ? value : undefined;
}

/** What a server reads of a request: typed values, the names no rule has, or the first problem. */
export type Parsed =
  | { values: Record<string, unknown>; unknown: string[]; problem?: undefined }
  | { problem: Problem };

/**
 * Reads a request's query string (every value is text) into typed values, or the first problem.
 * Names no rule has are listed in `unknown`: the API ignores them, a proxy refuses them.
 */
export function parseQuery(rules: readonly ParamRule[], search: URLSearchParams): Parsed {
  const values: Record<string, unknown> = {};
  for (const rule of rules) {
    const all = search.getAll(rule.name);
    if (all.length === 0) {
      if (rule.required) return { problem: problem(rule.name, `given (${rule.allowed})`) };
      continue;
    }
    if (all.length > 1) return { problem: problem(rule.name, 'given once', all.join(',')) };
    const text = all[0] as string;
    const value = parseText(rule, text);
    if (value === undefined) return { problem: problem(rule.name, rule.allowed, text) };
    values[rule.name] = value;
  }
  const unknown = [...new Set(search.keys())].filter((name) => !rules.some((r) => r.name === name));
  return { values, unknown };
}

/**
 * The query string of checked values in canonical form, in rule order: `?limit=5&offset=10`, or
 * `''`. `null` and `undefined` are left out: the API applies its default.
 */
export function queryString(rules: readonly ParamRule[], values: Record<string, unknown>): string {
  let search = '';
  for (const rule of rules) {
    const value = values[rule.name];
    if (value === undefined || value === null) continue;
    search += `${search ? '&' : '?'}${encodeURIComponent(rule.name)}=${encodeURIComponent(formatValue(rule, value))}`;
  }
  return search;
}

/** A path template filled with checked values, each segment percent-encoded: `/x/123/buyers`. */
export function fillPath(
  path: string,
  rules: readonly ParamRule[],
  values: Record<string, unknown>,
): string {
  return path.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const rule = rules.find((r) => r.name === name);
    const segment = encodeURIComponent(
      rule ? formatValue(rule, values[name]) : String(values[name]),
    );
    return /^\.+$/.test(segment) ? segment.replaceAll('.', '%2E') : segment;
  });
}
