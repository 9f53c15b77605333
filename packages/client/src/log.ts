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
 * The function that writes a debug line, or undefined when debug output is off (the transport
 * then builds no line). `level` defaults to `OFAUTH_LOG`. The client only writes debug lines
 * today; the other levels are there so that a `logLevel` of `warn` reads as meant.
 */
export function debugLog(
  logger: Logger,
  level: LogLevel | undefined,
): ((line: string) => void) | undefined {
  return (level ?? fromEnvironment()) === 'debug' ? (line) => logger.debug(line) : undefined;
}
