// The entry points a published package offers, read from its manifest's `exports`: what a
// consumer can import, and so what the rehearsal imports, requires and type-checks. Read from the
// manifest as published, so a package added to the workspace (or an entry added to a package) is
// checked without naming it anywhere.

export type EntryKind = 'js' | 'json' | 'file';

export interface EntryPoint {
  /** What a consumer writes: `@scope/name` or `@scope/name/subpath`. */
  specifier: string;
  /** The file the entry resolves to (for `import`/`default`), relative to the package. */
  target: string;
  kind: EntryKind;
  /** Whether the entry names a `types` file (TypeScript resolves it). */
  typed: boolean;
}

type Exports = string | null | Exports[] | { [key: string]: Exports };

/** The conditions a Node ESM or CommonJS consumer (and a bundler) may take, most specific first. */
const RUNTIME_CONDITIONS = ['import', 'node', 'default', 'require'];

function resolveTarget(value: Exports): { target?: string; typed: boolean } {
  if (typeof value === 'string') return { target: value, typed: false };
  if (value === null) return { typed: false };
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = resolveTarget(item);
      if (found.target) return found;
    }
    return { typed: false };
  }
  const typed = 'types' in value;
  for (const condition of RUNTIME_CONDITIONS) {
    if (condition in value) {
      const found = resolveTarget(value[condition] as Exports);
      if (found.target) return { target: found.target, typed: typed || found.typed };
    }
  }
  return { typed };
}

const kindOf = (target: string): EntryKind =>
  /\.[cm]?js$/.test(target) ? 'js' : target.endsWith('.json') ? 'json' : 'file';

/**
 * Every entry point of a manifest's `exports` (or its `main`, without `exports`), in the order
 * the manifest lists them; `./package.json` and pattern subpaths (`./*`) left out.
 */
export function entryPoints(manifest: {
  name: string;
  exports?: unknown;
  main?: string;
}): EntryPoint[] {
  const { name } = manifest;
  const exports = manifest.exports as Exports | undefined;
  let map: Record<string, Exports>;
  if (exports === undefined) {
    map = manifest.main ? { '.': manifest.main } : {};
  } else if (
    typeof exports === 'object' &&
    exports !== null &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith('.'))
  ) {
    map = exports;
  } else {
    map = { '.': exports };
  }
  return Object.entries(map)
    .filter(([subpath]) => subpath !== './package.json' && !subpath.includes('*'))
    .flatMap(([subpath, value]) => {
      const { target, typed } = resolveTarget(value);
      if (!target) return [];
      const specifier = subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`;
      return [{ specifier, target, kind: kindOf(target), typed }];
    });
}
