// ciRunCommands over any shell script of the shapes .ci/run may take: every call of the pnpm
// function is read, in any of the forms a script calls it, and nothing else is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ciRunCommands } from '../scripts/ci-commands.mjs';

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const script = fc
  .tuple(word, fc.option(word, { nil: undefined }))
  .map(([a, b]) => (b ? `${a}:${b}` : a));
const flag = fc
  .tuple(fc.constantFrom('-', '--'), word, fc.option(word, { nil: undefined }))
  .map(([dashes, name, value]) => `${dashes}${name}${value ? `=${value}` : ''}`);
const command = fc
  .tuple(script, fc.array(flag, { maxLength: 3 }))
  .map(([name, flags]) => [name, ...flags].join(' '));

// How a script may call the pnpm function: a line of its own, in an if, through a helper, in a
// chain with a status update.
const call = fc.tuple(
  command,
  fc.constantFrom(
    (c: string) => `pnpm ${c}`,
    (c: string) => `  pnpm ${c} || status=$?`,
    (c: string) => `if pnpm ${c}; then`,
    (c: string) => `  step pnpm ${c}`,
    (c: string) => `true && pnpm ${c}`,
  ),
);
// Lines that mention pnpm without calling it.
const decoy = fc.constantFrom(
  '# pnpm test is what the README says',
  'pnpm_version=$(node -p \'require("./package.json").packageManager\')',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a template
  'pnpm() { npx -y "pnpm@${pnpm_version}" "$@"; }',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a template
  '  echo "[.ci/run] pnpm ${*:2}: $((SECONDS - started)) s"',
  'fi',
  'status=0',
);

describe('ciRunCommands (property)', () => {
  it('reads every call of the pnpm function, and only those', () => {
    const runs = 500;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            call.map((c) => ({ call: c })),
            decoy.map((d) => ({ decoy: d })),
          ),
          {
            maxLength: 12,
          },
        ),
        (lines) => {
          const text = lines.map((l) => ('call' in l ? l.call[1](l.call[0]) : l.decoy)).join('\n');
          const expected = lines.flatMap((l) => ('call' in l ? [l.call[0]] : []));
          expect(ciRunCommands(text).commands).toEqual(expected);
        },
      ),
      { numRuns: runs },
    );
    console.log(`ciRunCommands: ${runs} generated scripts`);
  });
});
