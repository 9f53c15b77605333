// Debug output for operators: the `logger` and `logLevel` options, or `OFAUTH_LOG=debug` in the
// environment. The transport writes one line per attempt; nothing here ever sees the API key.

/** Where log lines go; `console` fits. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/** `OFAUTH_LOG`, where there is an environment: Node, Bun, Deno's Node globals; not browsers. */
function fromEnvironment(): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
      ?.OFAUTH_LOG;
  } catch {
    // Deno without --allow-env throws on reading the environment: no switch then.
    return undefined;
  }
}

/**
 * The log function of one level, or undefined when that level is off (callers skip building the
 * line). `level` defaults to `OFAUTH_LOG`, else `warn`.
 */
export function loggerAt(
  logger: Logger,
  level: string | undefined,
  at: Exclude<LogLevel, 'off'>,
): ((message: string) => void) | undefined {
  const wanted = LEVELS.indexOf((level ?? fromEnvironment() ?? 'warn') as LogLevel);
  return wanted >= 0 && wanted <= LEVELS.indexOf(at) ? (line) => logger[at](line) : undefined;
}
