// What a user finds in a published tarball, checked from its files alone: the README and the
// changelog, source maps that can show the source they map (their sources inside the map or the
// tarball), and every file once (no document packed twice, in one format or two).
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';

export interface TarballFile {
  /** Relative to the package root: `dist/index.js`, not `package/dist/index.js`. */
  name: string;
  data: Uint8Array;
}

export interface TarballReport {
  files: number;
  bytes: number;
  /** The source maps (`*.map`) found, all of which can show their sources. */
  maps: number;
  /** What is wrong, one line each; empty when the tarball is as a user should get it. */
  problems: string[];
}

const text = (file: TarballFile) => new TextDecoder().decode(file.data);
const dirOf = (name: string) => name.slice(0, name.lastIndexOf('/') + 1);

/** Resolves `relative` against the folder of `from`, inside the package (no leading `./`). */
function join(from: string, relative: string): string {
  const parts = `${dirOf(from)}${relative}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function mapProblems(map: TarballFile, names: Set<string>): string[] {
  let parsed: { sources?: unknown; sourcesContent?: unknown; sourceRoot?: unknown };
  try {
    parsed = JSON.parse(text(map));
  } catch {
    return [`${map.name}: not JSON`];
  }
  const sources = Array.isArray(parsed.sources) ? (parsed.sources as unknown[]) : undefined;
  if (!sources) return [`${map.name}: no "sources"`];
  const contents = Array.isArray(parsed.sourcesContent) ? parsed.sourcesContent : [];
  const root = typeof parsed.sourceRoot === 'string' ? parsed.sourceRoot : '';
  return sources.flatMap((source, index) => {
    if (typeof contents[index] === 'string') return [];
    const path = join(map.name, `${root}${String(source)}`);
    return names.has(path)
      ? []
      : [`${map.name}: maps ${String(source)}, which is neither in the map nor in the tarball`];
  });
}

/** The `//# sourceMappingURL=` of a script that names a file (not a data: URL) missing from it. */
function linkProblems(file: TarballFile, names: Set<string>): string[] {
  const match = text(file).match(/\/\/# sourceMappingURL=(\S+)\s*$/);
  if (!match?.[1] || match[1].startsWith('data:')) return [];
  const path = join(file.name, match[1]);
  return names.has(path) ? [] : [`${file.name}: its source map ${match[1]} is not in the tarball`];
}

/** The parsed document of a JSON or YAML file, to tell one document packed in two formats. */
function documentOf(file: TarballFile): unknown {
  try {
    if (file.name.endsWith('.json') && file.name !== 'package.json') return JSON.parse(text(file));
    if (/\.ya?ml$/.test(file.name)) return parseYaml(text(file));
  } catch {
    // Not a document: compared by bytes only.
  }
  return undefined;
}

/** Below this, two equal files are boilerplate (`export {};`), not a file packed twice. */
const DUPLICATE_MIN_BYTES = 1024;

function duplicateProblems(files: TarballFile[]): string[] {
  const problems: string[] = [];
  const byHash = new Map<string, string>();
  for (const file of files) {
    if (file.data.length < DUPLICATE_MIN_BYTES) continue;
    const hash = createHash('sha256').update(file.data).digest('hex');
    const first = byHash.get(hash);
    if (first) problems.push(`${file.name}: the same bytes as ${first}`);
    else byHash.set(hash, file.name);
  }
  const documents = files
    .map((file) => ({ name: file.name, document: documentOf(file) }))
    .filter((entry) => typeof entry.document === 'object' && entry.document !== null);
  for (const [index, a] of documents.entries()) {
    for (const b of documents.slice(index + 1)) {
      if (isDeepStrictEqual(a.document, b.document)) {
        problems.push(`${b.name}: the same document as ${a.name}`);
      }
    }
  }
  return problems;
}

/** Checks the files of one package's tarball. */
export function checkTarball(files: TarballFile[]): TarballReport {
  const names = new Set(files.map((file) => file.name));
  const problems: string[] = [];
  for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (!names.has(required)) problems.push(`no ${required}`);
  }
  const maps = files.filter((file) => file.name.endsWith('.map'));
  for (const map of maps) problems.push(...mapProblems(map, names));
  for (const file of files.filter((f) => /\.(?:[cm]?js|d\.[cm]?ts)$/.test(f.name))) {
    problems.push(...linkProblems(file, names));
  }
  problems.push(...duplicateProblems(files));
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.data.length, 0),
    maps: maps.length,
    problems,
  };
}
