// Validates every GitHub Actions workflow in .github/workflows with action-validator (the JSON
// schemas of workflows), one file per call as the tool takes them. New workflows are picked up
// without editing this list.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const dir = join(root, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@action-validator/cli/package.json')), 'cli.mjs');

let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, [cli, join(dir, file)], { encoding: 'utf8' });
  if (result.status === 0) {
    console.log(`ok   .github/workflows/${file}`);
  } else {
    failed += 1;
    console.log(`FAIL .github/workflows/${file}\n${result.stdout}${result.stderr}`);
  }
}
if (files.length === 0) {
  console.log('no workflows found in .github/workflows');
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
