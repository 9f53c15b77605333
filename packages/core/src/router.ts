// Which operation of the table a request names: its method and path, matched against the path
// templates (`/v2/x/{id}/buyers`), the path parameters read and checked. The one router of every
// runtime product that serves the table (the mock core, the proxy), so a templated path, a
// trailing slash or an encoded segment means the same thing to both.
import type { Operation } from '@ofauth-mass-messages/spec';
import { parseText } from './params.js';
import { type Problem, problem } from './problem.js';

export type Match<Op extends Operation = Operation> =
  /** The operation, and its path parameters as typed, checked values. */
  | { kind: 'operation'; operation: Op; pathValues: Record<string, unknown> }
  /** The path is an operation's, but a path parameter's value is not allowed: a 400. */
  | { kind: 'invalid'; operation: Op; problem: Problem }
  /** No operation has this path (or it is outside the base path). */
  | { kind: 'unknown' }
  /** The path is an operation's, the method is not: `allow` lists the methods that are. */
  | { kind: 'method'; allow: string[] };

export interface Router<Op extends Operation = Operation> {
  match(method: string, pathname: string): Match<Op>;
  /** `GET /v2/access/mass-messages, GET /v2/…/{id}/buyers`: for a 404's message. */
  readonly summary: string;
}

interface Route<Op> {
  operation: Op;
  /** Each segment: a literal, or the name of a path parameter. */
  segments: { literal?: string; name?: string }[];
}

/** The text of one path segment, percent-decoded; undefined when its encoding is broken. */
function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * A router over `operations`, mounted at `basePath` (`''` or `/api`: what precedes every path).
 * Literal paths win over templates where both match (OpenAPI's rule), so `/x/top` is never read
 * as `/x/{id}`.
 */
export function createRouter<Op extends Operation>(
  operations: readonly Op[],
  basePath = '',
): Router<Op> {
  const base = basePath.replace(/\/+$/, '');
  const routes: Route<Op>[] = operations
    .map((operation) => ({
      operation,
      segments: operation.path
        .split('/')
        .slice(1)
        .map((part) => {
          const name = /^\{([^}]*)\}$/.exec(part)?.[1];
          return name === undefined ? { literal: part } : { name };
        }),
    }))
    // Fewer parameters first: a literal segment is more specific than a template.
    .sort(
      (a, b) => a.segments.filter((s) => s.name).length - b.segments.filter((s) => s.name).length,
    );

  const summary = operations.map((op) => `${op.method} ${base}${op.path}`).join(', ');

  function match(method: string, pathname: string): Match<Op> {
    // Outside the mount point, or a prefix that merely starts alike (`/apix` under `/api`).
    if (base && !pathname.startsWith(`${base}/`)) return { kind: 'unknown' };
    const parts = pathname.slice(base.length).split('/').slice(1);
    const allow = new Set<string>();
    for (const { operation, segments } of routes) {
      if (segments.length !== parts.length) continue;
      const texts: Record<string, string> = {};
      const fits = segments.every((segment, i) => {
        const part = parts[i] as string;
        if (segment.literal !== undefined) return part === segment.literal;
        const text = part === '' ? undefined : decode(part);
        if (text === undefined) return false;
        texts[segment.name as string] = text;
        return true;
      });
      if (!fits) continue;
      if (operation.method !== method.toUpperCase()) {
        allow.add(operation.method);
        continue;
      }
      const pathValues: Record<string, unknown> = {};
      for (const rule of operation.pathParams) {
        const value = parseText(rule, texts[rule.name] as string);
        if (value === undefined) {
          return {
            kind: 'invalid',
            operation,
            problem: problem(rule.name, rule.allowed, texts[rule.name]),
          };
        }
        pathValues[rule.name] = value;
      }
      return { kind: 'operation', operation, pathValues };
    }
    return allow.size > 0 ? { kind: 'method', allow: [...allow] } : { kind: 'unknown' };
  }

  return { match, summary };
}
