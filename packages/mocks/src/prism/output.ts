// Reading what Prism prints: the line that gives its address, and the reason it failed to start.

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

// Prism prints headers only at debug level, but a key can still travel in a URL or a message:
// never let one reach a terminal or a log.
const SECRET = /\b(api[-_]?key)(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi;

/** Replaces the value of anything named like an API key with `[redacted]`. */
export function redactSecrets(line: string): string {
  return line.replace(SECRET, '$1$2[redacted]');
}

const LISTENING = /Prism is listening on (\S+)/;

/** The port from Prism's "Prism is listening on http://host:port" line, or undefined. */
export function parseListeningPort(line: string): number | undefined {
  const address = LISTENING.exec(stripAnsi(line))?.[1];
  const port = address ? /:(\d+)\/?$/.exec(address)?.[1] : undefined;
  return port === undefined ? undefined : Number(port);
}

/**
 * Prism's own reason for a failed start, from its output: the text of its `fatal` line, or, when
 * that is empty (a taken port), the error it printed after yargs' usage text.
 */
export function extractStartError(lines: readonly string[]): string {
  const clean = lines.map((line) => stripAnsi(line).trimEnd());
  const fatal = clean
    .map((line) => /\[CLI\]\s+\S*\s*fatal\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((text): text is string => Boolean(text));
  if (fatal.length > 0) return fatal.join('\n');
  // yargs prints the command's usage, ending with the last option's help line, before the error.
  let lastUsageLine = -1;
  clean.forEach((line, index) => {
    if (/^\s+--seed\b/.test(line)) lastUsageLine = index;
  });
  const after = clean
    .slice(lastUsageLine + 1)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/\bawaiting\b/.test(line) && !/^at\s/.test(line));
  return after[0] ?? 'Prism exited without saying why';
}
