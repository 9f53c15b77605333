// The negative checks send these values: each must really be refused by core's one check of
// parameters, typed (the client's view) and, where it reaches the operation, as text (a server's
// view of a query value or a path segment), naming its parameter.
import { checkParams, parseQuery, parseText } from '@ofauth-mass-messages/core';
import { describe, expect, it } from 'vitest';
import { invalidValues } from '../src/invalid-values.js';
import { everyShapeSpec } from './fixtures/every-shape.js';
import { operationOf } from './fixtures/recordings.js';
import { thirdOperationSpec } from './fixtures/third-operation.js';

const cases = [...thirdOperationSpec().operations, ...everyShapeSpec.operations].flatMap(
  (operation) =>
    [...operation.pathParams, ...operation.query].flatMap((rule) =>
      invalidValues(rule).map(
        (value) =>
          [operation.operationId, rule.name, JSON.stringify(value.text), rule, value] as const,
      ),
    ),
);

describe('invalidValues', () => {
  it.each(cases)(
    '%s %s=%s is refused typed, and as text where sent',
    (_id, name, _t, rule, value) => {
      expect(checkParams([rule], { [name]: value.typed })?.parameter).toBe(name);
      if (!value.onWire) return;
      if (rule.in === 'path') {
        expect(parseText(rule, value.text)).toBeUndefined();
      } else {
        const parsed = parseQuery([rule], new URLSearchParams({ [name]: value.text }));
        expect(parsed.problem?.parameter).toBe(name);
        expect(parsed.problem?.message).toContain(rule.allowed);
      }
    },
  );

  it('gives date-times that are none: a word, a day no calendar has, a bare date', () => {
    const sent = everyShapeSpec.operations.find((op) => op.operationId === 'listFixtureSent');
    const rule = sent?.query.find((r) => r.name === 'startDate');
    expect(invalidValues(rule ?? ({} as never)).map((v) => v.text)).toEqual([
      'yesterday',
      '2026-02-30T00:00:00Z',
      '2026-11-01',
    ]);
  });

  it('gives path segments only the client can refuse, not sent', () => {
    const buyers = everyShapeSpec.operations.find((op) => op.operationId === 'listFixtureBuyers');
    const [rule] = buyers?.pathParams ?? [];
    expect(invalidValues(rule ?? ({} as never))).toEqual([
      { typed: '', text: '', onWire: false },
      { typed: '.', text: '.', onWire: false },
      { typed: '..', text: '..', onWire: false },
    ]);
  });

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
