// Checking query parameters against the rules of the operations table. Pure and tiny: the
// client (in browsers), the mock server, the MSW handlers and the proxy all check with this, so
// "what does `limit` allow" has one answer and one wording.
import type { QueryRule } from './table.js';

/** What is wrong with one parameter: its name, what it allows, and a sentence saying both. */
export interface QueryProblem {
  parameter: string;
  /** What the parameter accepts, e.g. `an integer from 1 to 20`. */
  allowed: string;
  /** `limit must be an integer from 1 to 20, got 25`. */
  message: string;
}

/** How a value is shown in a message: strings quoted, objects by kind, the rest as written. */
function show(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : Object(value) === value
      ? typeof value
      : String(value);
}

/** A problem naming `parameter` and what it allows; with `got`, the value received too. */
export function problem(parameter: string, allowed: string, ...got: [unknown?]): QueryProblem {
  const tail = got.length ? `, got ${show(got[0])}` : '';
  return { parameter, allowed, message: `${parameter} must be ${allowed}${tail}` };
}

/** Whether a typed value meets its rule; `undefined` always does (the API applies the default). */
export function meetsRule(rule: QueryRule, value: unknown): boolean {
  if (value === undefined || (value === null && rule.nullable)) return true;
  if (rule.enum) return rule.enum.includes(value as never);
  const typed = rule.type === 'integer' ? Number.isInteger(value) : typeof value === rule.type;
  return (
    typed &&
    (rule.minimum === undefined || (value as number) >= rule.minimum) &&
    (rule.maximum === undefined || (value as number) <= rule.maximum)
  );
}

/**
 * Checks typed parameters (a client's call): the first problem, or undefined. A name the
 * operation does not have is a problem too: the API would ignore it, and the caller would get
 * something other than what they asked for.
 */
export function checkParams(
  rules: readonly QueryRule[],
  params: Record<string, unknown>,
): QueryProblem | undefined {
  for (const [name, value] of Object.entries(params)) {
    const rule = rules.find((r) => r.name === name);
    if (!rule) return problem(name, `left out (known: ${rules.map((r) => r.name).join(', ')})`);
    if (!meetsRule(rule, value)) return problem(name, rule.allowed, value);
  }
  return undefined;
}

/** The typed value of one query-string value, or undefined when it cannot be one. */
function fromText(rule: QueryRule, text: string): unknown {
  if (rule.nullable && text === 'null') return null;
  if (rule.type === 'string') return text;
  if (rule.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  // Integers in their one decimal form only: `05`, `1.0`, `-0`, `+5` are refused, not read as
  // 5, 1, 0: the API documents integers, not how it reads other spellings of them, so a server
  // (the mock, the proxy) that accepted them would promise what the API may not do. Beyond 2^53
  // a number is no longer the integer written.
  if (rule.type === 'integer') {
    const value = /^(0|-?[1-9]\d*)$/.test(text) ? Number(text) : undefined;
    return Number.isSafeInteger(value) ? value : undefined;
  }
  // Numbers as the API reads them: plain decimal digits, nothing else (`1e1`, ` 5`, `0x10`).
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * Reads a request's query string (a server's view: every value is text) into typed values, or
 * the first problem. Unknown names are left out of `values`, as the API ignores them.
 */
export function parseQuery(
  rules: readonly QueryRule[],
  search: URLSearchParams,
): { values: Record<string, unknown>; problem?: undefined } | { problem: QueryProblem } {
  const values: Record<string, unknown> = {};
  for (const rule of rules) {
    const all = search.getAll(rule.name);
    if (all.length === 0) {
      if (rule.required) return { problem: problem(rule.name, `given (${rule.allowed})`) };
      continue;
    }
    if (all.length > 1) return { problem: problem(rule.name, `given once`, all.join(',')) };
    const text = all[0] as string;
    const value = fromText(rule, text);
    if (value === undefined || !meetsRule(rule, value)) {
      return { problem: problem(rule.name, rule.allowed, text) };
    }
    values[rule.name] = value;
  }
  return { values };
}
