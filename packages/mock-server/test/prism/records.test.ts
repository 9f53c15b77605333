// The start-up check of the records, with Prism's validator.
import type { RecordCheck } from '@ofauth-mass-messages/mocks';
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordCheck } from '../../src/prism/records.js';
import { createPrismValidator } from '../../src/prism/validator.js';
import { LIST } from '../helpers.js';

describe('recordCheck (Prism’s validator)', () => {
  let check: RecordCheck;
  beforeAll(async () => {
    check = recordCheck(await createPrismValidator(readDocument()));
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
