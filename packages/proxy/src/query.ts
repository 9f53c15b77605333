// The query the proxy forwards: checked with core's one query check (parseQuery), then rebuilt
// from the values it read, in the operation's parameter order and canonical form (`limit=05` is
// forwarded as `limit=5`). What goes upstream is what the check accepted, never the browser's
// spelling of it (`%6Cimit=%32`, a fragment).
import {
  formatValue,
  parseQuery,
  problem,
  type Problem as QueryProblem,
} from '@ofauth-mass-messages/core';
import type { Operation } from '@ofauth-mass-messages/spec/operations';

/**
 * The query string to forward (`?limit=20&offset=40`, or `''`), or the first problem. A name
 * the operation does not have is refused, not dropped: dropping it would answer something other
 * than what was asked, and forwarding it would let a browser send the API parameters the spec
 * does not document, under the server's key.
 */
export function checkedQuery(
  operation: Operation,
  search: URLSearchParams,
): { search: string; problem?: undefined } | { problem: QueryProblem } {
  const known = operation.query.map((rule) => rule.name);
  for (const name of new Set(search.keys())) {
    if (!known.includes(name)) {
      return { problem: problem(name, `left out (known: ${known.join(', ')})`) };
    }
  }
  const parsed = parseQuery(operation.query, search);
  if (parsed.problem) return { problem: parsed.problem };
  const canonical = new URLSearchParams();
  for (const rule of operation.query) {
    if (!(rule.name in parsed.values)) continue;
    const value = parsed.values[rule.name];
    canonical.set(rule.name, value === null ? 'null' : formatValue(rule, value));
  }
  const text = canonical.toString();
  return { search: text ? `?${text}` : '' };
}
