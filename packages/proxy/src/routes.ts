// Which spec operation a request names, from the operations table: its paths have no templates
// (the table refuses path parameters), so a route is an exact path and a method.
import type { Operation } from '@ofauth-mass-messages/spec/operations';

/**
 * The methods the proxy serves on any path: the table holds GET operations only. The node adapter
 * answers the methods a Fetch Request cannot carry (TRACE, CONNECT) with this as `Allow`.
 */
export const SERVED_METHODS: readonly Operation['method'][] = ['GET'];

export type Match =
  | { kind: 'operation'; operation: Operation; path: string }
  /** No operation has this path (or it is outside the base path). */
  | { kind: 'unknown'; path: string }
  /** The path is an operation's, the method is not: `allow` lists the methods that are. */
  | { kind: 'method'; path: string; allow: string[] };

export interface Routes {
  match(method: string, pathname: string): Match;
  /** `GET /v2/access/mass-messages, GET /v2/...`: for the 404 message. */
  readonly summary: string;
}

export function createRoutes(operations: readonly Operation[], basePath: string): Routes {
  const byPath = new Map<string, Map<string, Operation>>();
  for (const operation of operations) {
    const methods = byPath.get(operation.path) ?? new Map<string, Operation>();
    methods.set(operation.method.toUpperCase(), operation);
    byPath.set(operation.path, methods);
  }
  const summary = operations
    .map((op) => `${op.method.toUpperCase()} ${basePath}${op.path}`)
    .join(', ');

  return {
    summary,
    match(method, pathname) {
      // Outside the mount point, or a prefix that merely starts alike (`/apix` under `/api`).
      if (basePath && !pathname.startsWith(`${basePath}/`))
        return { kind: 'unknown', path: pathname };
      const path = pathname.slice(basePath.length);
      const methods = byPath.get(path);
      if (!methods) return { kind: 'unknown', path };
      const operation = methods.get(method.toUpperCase());
      if (!operation) return { kind: 'method', path, allow: [...methods.keys()] };
      return { kind: 'operation', operation, path };
    },
  };
}
