// The negative checks send these values: each must really be refused by the spec's one query
// check, as text (a server's view) and typed (the client's view), naming its parameter.
import { checkParams, parseQuery } from '@ofauth-mass-messages/core';
import { describe, expect, it } from 'vitest';
import { invalidValues } from '../src/invalid-values.js';
import { operationOf } from './fixtures/recordings.js';
import { thirdOperationSpec } from './fixtures/third-operation.js';

const cases = thirdOperationSpec().operations.flatMap((operation) =>
  operation.query.flatMap((rule) =>
    invalidValues(rule).map(
      (value) => [operation.operationId, rule.name, value.text, rule, value] as const,
    ),
  ),
);

describe('invalidValues', () => {
  it.each(cases)(
    '%s %s=%s is refused by parseQuery and checkParams',
    (_id, name, text, rule, value) => {
      const parsed = parseQuery([rule], new URLSearchParams({ [name]: text }));
      expect(parsed.problem?.parameter).toBe(name);
      expect(parsed.problem?.message).toContain(rule.allowed);
      expect(checkParams([rule], { [name]: value.typed })?.parameter).toBe(name);
    },
  );

  it('gives the bounds, a fraction and a word for limit; a stranger for an enum', () => {
    const rule = (name: string) =>
      operationOf('listMassMessages').query.find((r) => r.name === name);
    const texts = (name: string) => invalidValues(rule(name) ?? ({} as never)).map((v) => v.text);
    expect(texts('limit')).toEqual(['ten', '0', '21', '1.5']);
    expect(texts('offset')).toEqual(['ten', '-1', '0.5']);
    expect(texts('type')).toEqual(['not-sent-unsent-scheduled']);
  });

  it('has nothing for a free-form string', () => {
    expect(
      invalidValues({
        name: 'q',
        in: 'query',
        required: false,
        type: 'string',
        nullable: false,
        allowed: 'a string',
      }),
    ).toEqual([]);
  });
});
