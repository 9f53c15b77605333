import { describe, expect, it } from 'vitest';
import { specCheck } from '../../src/spec/check.js';
import { LIST } from '../helpers/http.js';

describe('specCheck', () => {
  const check = specCheck();

  it('passes records the spec accepts', () => {
    expect(() => check(LIST, [])).not.toThrow();
  });

  it('fails on a broken record, naming the path and the rule', () => {
    expect(() =>
      check(LIST, [
        { id: 'one', text: 'x', fromUser: { id: 1, name: 'n' }, media: [], previews: [] },
      ]),
    ).toThrow(/listMassMessages: \$\.list\[0\]\.id must be integer/);
  });
});
