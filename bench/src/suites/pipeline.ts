// (1) The pipeline: cold build, cached build, and spec edit → regenerated client types, timed in a
// scratch copy of the workspace (pipeline-proof's ScratchRepo), never in the real checkout that
// others build in. Each run is checked for the cache statuses it claims, so a "cached" figure
// that secretly rebuilt, or a "cold" one that hit the cache, fails the run instead of lying.
import { pnpmCommand, run } from '@ofauth-mass-messages/pipeline-proof/src/run.js';
import { ScratchRepo, tasksWith } from '@ofauth-mass-messages/pipeline-proof/src/scratch-repo.js';
import { addOptionalFieldAndEnumValue } from '@ofauth-mass-messages/pipeline-proof/src/spec-edits.js';
import { markdownTable, seconds, spread } from '../format.js';
import { repeat, summarise, timed } from '../stats.js';
import { atMost, type Suite, type SuiteResult } from '../suite.js';

// Builds are the slowest figures (a cold one takes 10–35 s here, depending on what else runs):
// three runs of those keep `pnpm bench` under 5 minutes; the cheap figures get more.
const SLOW_RUNS = 3;
const QUICK_RUNS = 5;
const SPEC = 'packages/spec/openapi.yaml';
const GENERATED = 'packages/client/src/generated/schema.ts';
const CLIENT = '@ofauth-mass-messages/client';
/** The sentence pipeline-proof's edit adds; each run rewords it so that no run hits the cache. */
const EDITED_DESCRIPTION = 'The campaign the message belonged to.';

async function turboTimed(repo: ScratchRepo, args: string[], expect: 'HIT' | 'MISS') {
  const started = performance.now();
  const outcome = await repo.turbo(args);
  const ms = performance.now() - started;
  if (outcome.code !== 0) {
    throw new Error(
      `turbo run ${args.join(' ')} failed in ${repo.dir}:\n${outcome.output.slice(-4000)}`,
    );
  }
  const wrong = tasksWith(outcome, expect === 'HIT' ? 'MISS' : 'HIT');
  if (outcome.tasks.length === 0 || wrong.length > 0) {
    throw new Error(
      `turbo run ${args.join(' ')}: expected every task ${expect}, but ${wrong.join(', ') || 'no task ran'}`,
    );
  }
  return { ms, tasks: outcome.tasks.length };
}

/** A spec edit no earlier run made: pipeline-proof's compatible edit, reworded per run. */
function specEdit(original: string, run: number): { text: string; marker: string } {
  const marker = `Campaign name (benchmark edit ${run}, ${Date.now()}).`;
  const edited = addOptionalFieldAndEnumValue(original);
  if (!edited.includes(EDITED_DESCRIPTION)) {
    throw new Error(
      `pipeline-proof's spec edit no longer adds "${EDITED_DESCRIPTION}": update bench`,
    );
  }
  return { text: edited.replace(EDITED_DESCRIPTION, marker), marker };
}

export const pipelineSuite: Suite = {
  name: 'pipeline',
  async run(): Promise<SuiteResult> {
    const repo = await ScratchRepo.create();
    try {
      // Cold: the copy's first build has no cache at all; later ones ignore it (--force).
      const coldRuns = await repeat(SLOW_RUNS, (i) =>
        turboTimed(repo, i === 0 ? ['build'] : ['build', '--force'], 'MISS'),
      );
      const cachedRuns = await repeat(QUICK_RUNS, () => turboTimed(repo, ['build'], 'HIT'));
      // The fixed cost every run pays before turbo looks at a task: pnpm and turbo starting.
      const pnpm = pnpmCommand();
      const floorRuns = await repeat(QUICK_RUNS, () =>
        timed(async () => {
          const result = await run(pnpm.command, [...pnpm.prefix, 'exec', 'turbo', '--version'], {
            cwd: repo.dir,
          });
          if (result.code !== 0)
            throw new Error(`pnpm exec turbo --version failed:\n${result.output}`);
        }),
      );
      const original = repo.read(SPEC);
      const editRuns = await repeat(SLOW_RUNS, async (i) => {
        const { text, marker } = specEdit(original, i);
        repo.write(SPEC, text);
        const result = await turboTimed(repo, ['generate', `--filter=${CLIENT}`], 'MISS');
        if (!repo.read(GENERATED).includes(marker)) {
          throw new Error(`after the spec edit, ${GENERATED} does not hold the edited description`);
        }
        return result;
      });
      repo.write(SPEC, original);

      const coldMs = summarise(coldRuns.map((r) => r.ms));
      const cachedMs = summarise(cachedRuns.map((r) => r.ms));
      const floorMs = summarise(floorRuns);
      const editMs = summarise(editRuns.map((r) => r.ms));
      const ratio = cachedMs.median / coldMs.median;
      const tasks = coldRuns[0]?.tasks ?? 0;
      const table = markdownTable(
        ['figure', 'median (min–max)', 'runs', 'measured as', 'what it means for you'],
        [
          [
            `cold \`build\` (${tasks} tasks)`,
            spread(coldMs, seconds),
            String(coldMs.runs),
            '`pnpm exec turbo run build` in a fresh scratch copy (first run), then `… --force`',
            'a fresh clone, or CI without a cache: build every package from the spec',
          ],
          [
            'cached `build`',
            spread(cachedMs, seconds),
            String(cachedMs.runs),
            '`pnpm exec turbo run build` again, every task a cache hit (checked)',
            'rebuilding with nothing changed: outputs restored from turbo’s cache',
          ],
          [
            'cached ÷ cold',
            `${(ratio * 100).toFixed(1)}%`,
            '',
            'median ÷ median',
            'what a cache hit saves',
          ],
          [
            'pnpm + turbo start-up alone',
            spread(floorMs, seconds),
            String(floorMs.runs),
            '`pnpm exec turbo --version`',
            'the part of a cached build no cache can save',
          ],
          [
            'spec edit → regenerated client types',
            spread(editMs, seconds),
            String(editMs.runs),
            `edit \`${SPEC}\`, then \`pnpm exec turbo run generate --filter=${CLIENT}\` (spec bundle + types; checked in \`${GENERATED}\`)`,
            'how long after saving the spec your editor can see the new types',
          ],
        ],
      );
      return {
        block: 'pipeline',
        markdown: table,
        targets: [
          atMost('a cached `build` under 10% of a cold one', ratio, 0.1, {
            show: (n) => `${(n * 100).toFixed(1)}%`,
            gap: (over) => `${(over * 100).toFixed(1)} points over`,
          }),
        ],
      };
    } finally {
      repo.remove();
    }
  },
};
