// What the mock can generate data for, checked when a mock is created: a schema keyword the
// faker does not honour (`not`, `if`, `patternProperties`, …), a pattern it cannot draw strings
// for, a reference that leads nowhere. Each is named, with the operation and where in the schema,
// before any request, rather than a record the spec rejects (or a crash) later. The spec's table
// already refuses at build what no package serves; this is what only the mock's generator needs.
import { deref, type JsonObject, type RefRoot, typesOf } from '@ofauth-mass-messages/spec';
import type { SpecData } from '../core/spec-data.js';
import { fits } from './fits.js';
import { GENERATED, isAnnotation } from './keywords.js';
import { canDraw } from './pattern.js';

/** Raised when a mock is created for a spec it cannot generate data for, naming each place. */
export class UnservableSpecError extends TypeError {
  override name = 'UnservableSpecError';
}

/** Every problem in one schema and what it references, each as `where: what`. */
function schemaProblems(schema: unknown, root: RefRoot, where: string): string[] {
  const problems: string[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, at: string) => {
    if (typeof node !== 'object' || node === null) return;
    if (seen.has(node)) return;
    seen.add(node);
    const s = node as JsonObject;
    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      let target: unknown;
      try {
        // The spec's one resolver: it names a reference that leaves the document or leads nowhere.
        target = deref(s, root);
      } catch (error) {
        problems.push(`${at}: ${(error as Error).message}`);
        return;
      }
      visit(target, ref);
    }
    for (const key of Object.keys(s)) {
      if (!GENERATED.has(key) && !isAnnotation(key)) {
        problems.push(`${at} uses "${key}", which the mock's data generator does not honour`);
      }
    }
    if (typeof s.pattern === 'string' && !canDraw(s.pattern) && !hasFittingExample(s, root)) {
      problems.push(
        `${at} has the pattern /${s.pattern}/, which the mock cannot draw strings for (lookarounds, backreferences, \\b and \\p{…} are beyond it); give the schema an example that matches it`,
      );
    }
    if (
      typesOf(s).some(
        (type) =>
          !['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'].includes(type),
      )
    ) {
      problems.push(`${at} has the type ${JSON.stringify(s.type)}`);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const parts = s[key];
      if (!Array.isArray(parts)) continue;
      parts.forEach((part, i) => {
        visit(part, `${at}/${key}/${i}`);
      });
    }
    for (const [name, property] of Object.entries((s.properties ?? {}) as JsonObject)) {
      visit(property, `${at}/properties/${name}`);
    }
    if (typeof s.items === 'object') visit(s.items, `${at}/items`);
    if (typeof s.additionalProperties === 'object')
      visit(s.additionalProperties, `${at}/additionalProperties`);
  };
  visit(schema, where);
  return problems;
}

function hasFittingExample(schema: JsonObject, root: RefRoot): boolean {
  const examples = [
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    ...('example' in schema ? [schema.example] : []),
  ];
  return examples.some((example) => typeof example === 'string' && fits(schema, example, root));
}

/** Throws UnservableSpecError listing every operation whose 200 body the mock cannot generate. */
export function assertServable(spec: SpecData): void {
  const problems = spec.operations.flatMap((operation) =>
    schemaProblems(spec.bodySchemas[operation.operationId] ?? {}, spec.schemas, 'its 200 body').map(
      (problem) => `${operation.operationId} (GET ${operation.path}): ${problem}`,
    ),
  );
  if (problems.length > 0) {
    throw new UnservableSpecError(
      `The mock cannot serve this spec:\n${[...new Set(problems)].join('\n')}`,
    );
  }
}
