// The task graph as turbo resolves it, read from a dry run (nothing is executed), so a check
// asserts on what turbo will do rather than on how turbo.json spells it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * @typedef {{ taskId: string, package: string, task: string, command: string,
 *   dependencies: string[], resolvedTaskDefinition: { outputs: string[], cache: boolean } }} DryTask
 */

/**
 * `turbo run <args> --dry=json` at the workspace root: every task the run would take.
 * @param {string} root
 * @param {string[]} args
 * @returns {DryTask[]}
 */
export function dryRun(root, args) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { TURBO_TELEMETRY_DISABLED: '1' };
  // A nested run must not see the outer turbo task's variables.
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TURBO_')) env[key] = value;
  }
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, ['run', ...args, '--dry=json'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`turbo run ${args.join(' ')} --dry=json failed:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout).tasks;
}

/**
 * Every task `taskId` waits on, directly or through others.
 * @param {DryTask[]} tasks
 * @param {string} taskId
 */
export function waitsOn(tasks, taskId) {
  const byId = new Map(tasks.map((task) => [task.taskId, task]));
  /** @type {Set<string>} */
  const seen = new Set();
  const stack = [...(byId.get(taskId)?.dependencies ?? [])];
  while (stack.length > 0) {
    const id = /** @type {string} */ (stack.pop());
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.dependencies ?? []));
  }
  return seen;
}
