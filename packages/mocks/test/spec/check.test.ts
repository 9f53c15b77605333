import { readDocument } from '@ofauth-mass-messages/spec/node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordCheck } from '../../src/dataset/store.js';
import { specCheck } from '../../src/spec/check.js';
import { LIST } from '../helpers/http.js';

describe('specCheck (Prism’s validator)', () => {
  let check: RecordCheck;
  beforeAll(async () => {
    check = await specCheck(readDocument());
  });

  it('passes records the spec accepts', () => {
    expect(() => check(LIST, { list: [], hasMore: false })).not.toThrow();
  });

  it('fails on a broken record, naming the path and the rule', () => {
    expect(() =>
      check(LIST, {
        list: [{ id: 'one', text: 'x', fromUser: { id: 1, name: 'n' }, media: [], previews: [] }],
        hasMore: false,
      }),
    ).toThrow(
      /listMassMessages: Response body property list\.0\.id must be integer \(rule "type"\)/,
    );
  });
});
