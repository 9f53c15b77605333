import { describe, expect, it } from 'vitest';
import { parseDiagnostics } from '../../src/suites/types.js';

// A trimmed `tsc --extendedDiagnostics` output, as TypeScript 5.9 prints it.
const output = `Files:                         68
Lines of TypeScript:          982
Identifiers:                 1234
Types:                        350
Instantiations:                59
Memory used:               62138K
I/O read:                   0.01s
Parse time:                 0.40s
Check time:                 0.30s
Emit time:                  0.00s
Total time:                 1.81s
`;

describe('parseDiagnostics', () => {
  it('reads times in ms, counts and memory', () => {
    expect(parseDiagnostics(output)).toEqual({
      checkMs: 300,
      totalMs: 1810,
      instantiations: 59,
      types: 350,
      memoryKB: 62138,
    });
  });

  it.each(['Check time', 'Instantiations', 'Memory used'])('names a missing "%s"', (label) => {
    const without = output
      .split('\n')
      .filter((line) => !line.startsWith(label))
      .join('\n');
    expect(() => parseDiagnostics(without)).toThrow(`printed no "${label}"`);
  });
});
