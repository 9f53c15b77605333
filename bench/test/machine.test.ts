import { availableParallelism, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { describeMachine } from '../src/machine.js';

describe('describeMachine', () => {
  it('describes this machine at the given time', () => {
    const machine = describeMachine(new Date('2026-05-04T03:02:01Z'));
    expect(machine.date).toBe('2026-05-04 03:02 UTC');
    expect(machine.nproc).toBe(availableParallelism());
    expect(machine.memoryGiB).toBeCloseTo(totalmem() / 2 ** 30, 1);
    expect(machine.node).toBe(process.version);
    expect(machine.loadAverage).toBeGreaterThanOrEqual(0);
  });
});
