// Extracts the pnpm commands that .ci/run and a GitHub workflow run, so a test can prove that
// the repository's CI and the workflows teams adopt run the same things.

/**
 * pnpm commands in .ci/run: every call of its `pnpm` shell function (which runs the version
 * pinned in package.json's packageManager), however it is called (`pnpm x`, `if pnpm x; then`,
 * `step pnpm x`): the script name and its flags; `pinned` says whether the script reads that
 * version from packageManager rather than writing one of its own.
 * @param {string} script
 */
export function ciRunCommands(script) {
  /** @type {string[]} */
  const commands = [];
  for (const line of script.split('\n')) {
    if (line.trim().startsWith('#') || /^\s*pnpm\(\)/.test(line)) continue;
    // A word `pnpm`, then a script name and flags; `pnpm_version`, `"pnpm@…"` and `pnpm ${…}`
    // (the step's own log line) are not calls.
    for (const match of line.matchAll(
      /(?:^|[\s;&|(])pnpm ([\w:-]+(?: --?[\w-]+(?:=[\w.-]+)?)*)/g,
    )) {
      commands.push(normalise(String(match[1])));
    }
  }
  const pinned =
    /packageManager/.test(script) &&
    /npx -y "pnpm@\$\{pnpm_version\}"/.test(script) &&
    !/pnpm@\d/.test(script);
  return { commands, pinned };
}

/**
 * pnpm commands in a parsed workflow: every `run:` line starting with `pnpm `, per job.
 * @param {{ jobs?: Record<string, { steps?: Array<{ run?: unknown }> }> }} workflow
 */
export function workflowCommands(workflow) {
  /** @type {string[]} */
  const commands = [];
  for (const job of Object.values(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      if (typeof step.run !== 'string') continue;
      for (const line of step.run.split('\n')) {
        const match = line.trim().match(/^pnpm ([^&|;]+)/);
        if (match?.[1]) commands.push(normalise(match[1]));
      }
    }
  }
  return commands;
}

/** @param {string} args */
function normalise(args) {
  return args
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*\|\|.*$/, '');
}

/**
 * What one side runs that the other does not.
 * @param {string[]} ciRun
 * @param {string[]} workflow
 */
export function compareCommands(ciRun, workflow) {
  return {
    onlyInCiRun: ciRun.filter((c) => !workflow.includes(c)),
    onlyInWorkflow: workflow.filter((c) => !ciRun.includes(c)),
  };
}
