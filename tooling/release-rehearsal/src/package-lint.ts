// publint and Are the Types Wrong, run on a tarball as the registry serves it (not on the
// workspace folder the packages' own `lint` packs): what reaches users is what is checked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '@ofauth-mass-messages/pipeline-proof/src/run.js';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

export interface LintResult {
  ok: boolean;
  /** One line for the results table. */
  summary: string;
  /** Every message, for a failure's report. */
  details: string[];
}

/** publint, strict (a warning fails, as in the packages' own lint). */
export async function publintTarball(tarball: ArrayBuffer): Promise<LintResult> {
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true, level: 'suggestion' });
  const details = messages.map(
    (message) =>
      `${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`,
  );
  const failing = messages.filter((message) => message.type !== 'suggestion');
  const suggestions = messages.length - failing.length;
  return {
    ok: failing.length === 0,
    summary:
      failing.length > 0
        ? `${failing.length} error(s)`
        : `ok${suggestions > 0 ? ` (${suggestions} suggestion(s))` : ''}`,
    details,
  };
}

/**
 * Resolution kinds the packages' own `attw --profile esm-only` leaves out: node10 (no `exports`)
 * and CommonJS under `node16`, where TypeScript does not model Node's require(esm). The
 * rehearsal's consumers require() every entry for real instead.
 */
const ESM_ONLY_IGNORED = new Set(['node10', 'node16-cjs']);

interface AttwJson {
  analysis: { entrypoints?: Record<string, unknown> };
  problems: Record<string, { kind: string; entrypoint?: string; resolutionKind?: string }[]>;
}

/** Are the Types Wrong (its CLI, profile esm-only) on the tarball. */
export async function attwTarball(tarball: ArrayBuffer, fileName: string): Promise<LintResult> {
  const dir = mkdtempSync(join(tmpdir(), 'attw-'));
  try {
    const file = join(dir, fileName);
    writeFileSync(file, new Uint8Array(tarball));
    const cli = join(
      dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')),
      'dist',
      'index.js',
    );
    const result = await run(
      process.execPath,
      [cli, file, '--profile', 'esm-only', '--format', 'json'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 120_000 },
    );
    let json: AttwJson;
    try {
      json = JSON.parse(result.output.slice(result.output.indexOf('{')));
    } catch {
      return { ok: false, summary: 'no report', details: [result.output] };
    }
    const problems = Object.values(json.problems)
      .flat()
      .filter((problem) => !ESM_ONLY_IGNORED.has(problem.resolutionKind ?? ''));
    const entries = Object.keys(json.analysis.entrypoints ?? {}).length;
    const details = problems.map(
      (p) => `${p.kind} at ${p.entrypoint ?? '?'} (${p.resolutionKind ?? 'every resolution'})`,
    );
    const ok = result.code === 0 && problems.length === 0;
    return {
      ok,
      summary: ok ? `ok (${entries} entry points)` : `${problems.length || 'exit'} problem(s)`,
      details,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
