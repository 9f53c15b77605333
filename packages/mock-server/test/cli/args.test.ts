import { describe, expect, it } from 'vitest';
import { parseCliArguments } from '../../src/cli/args.js';

describe('parseCliArguments', () => {
  it('defaults to nothing set: startMockServer fills in 127.0.0.1:4010, dataset', () => {
    expect(parseCliArguments([])).toEqual({ options: {}, watch: false, quiet: false, help: false });
  });

  it.each([
    [['--port', '0'], { port: 0 }],
    [['--port', '5000', '--host', '0.0.0.0'], { port: 5000, host: '0.0.0.0' }],
    [['--mode', 'dataset', '--seed', '42'], { mode: 'dataset', seed: 42 }],
    [['--mode=dynamic', '--seed=7'], { mode: 'dynamic', seed: 7 }],
    [['--latency', '800', '--retry-after', '2'], { latency: 800, retryAfter: 2 }],
    [['--rate-limit', 'vendor'], { rateLimit: 'vendor' }],
    [['--rate-limit=5/30'], { rateLimit: { capacity: 5, refillPerMinute: 30 } }],
    [['--rate-limit', 'off'], { rateLimit: false }],
  ])('%j → %j', (argv, options) => {
    expect(parseCliArguments(argv).options).toEqual(options);
  });

  it('reads the flags', () => {
    expect(parseCliArguments(['--watch', '--quiet', '--help'])).toMatchObject({
      watch: true,
      quiet: true,
      help: true,
    });
  });

  it.each([
    [['--port', 'abc'], /Invalid --port: "abc"/],
    [['--port', '70000'], /port must be an integer from 0 to 65535, got 70000/],
    [['--seed=-1'], /Invalid --seed: "-1"/],
    [['--seed', '-1'], /--seed/],
    [['--mode', 'live'], /Invalid mode: "live"/],
    [['--latency', 'slow'], /Invalid --latency: "slow"/],
    [['--latency', '90000'], /Invalid latency: 90000/],
    [['--rate-limit', 'fast'], /Invalid --rate-limit: "fast"/],
    [['--rate-limit', '0/30'], /rateLimit\.capacity/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('%j is refused with a message naming it', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});
