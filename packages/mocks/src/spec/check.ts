// Node only: the check that every record set (as one page) and every object the mock generates is
// a 200 body the spec accepts, with Prism's own response validator (the one that guards the mock
// server's answers). Each is checked once, when it is built (at start for the default seed),
// instead of every response: the pages are slices of it.
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
// Prism's validator has no entry of its own; this module is what its server calls per answer.
import { validateOutput } from '@stoplight/prism-http/dist/validator/index.js';
import type { RecordCheck } from '../dataset/store.js';

/** The check of `doc`'s record sets (Prism reads a copy: it dereferences what it is given). */
export async function specCheck(doc: OpenApiDocument): Promise<RecordCheck> {
  const resources = await getHttpOperationsFromSpec(structuredClone(doc));
  return (operation, body) => {
    const resource = resources.find((r) => r.iid === operation.operationId);
    if (!resource) throw new Error(`Prism does not know ${operation.operationId}`);
    const result = validateOutput({
      resource,
      element: { statusCode: 200, headers: { 'content-type': 'application/json' }, body },
    });
    if (result._tag === 'Left') {
      const lines = result.left.map(
        (d) => `${operation.operationId}: ${d.message} (rule "${d.code}")`,
      );
      throw new Error(`The mock's records do not match the spec:\n${lines.join('\n')}`);
    }
  };
}
