// The failure message is the product of a contract check: it must name the operation, the JSON
// path and the rule, and a conforming body must pass silently.
import { describe, expect, it } from 'vitest';
import {
  ContractViolation,
  ContractViolations,
  expectConforms,
  expectResponsesConform,
} from '../src/expect-conforms.js';
import { recordingOf } from './fixtures/recordings.js';
import { THIRD, thirdOperationSpec } from './fixtures/third-operation.js';

const firstPage = () =>
  structuredClone(recordingOf('listMassMessages').exchanges[0]?.body) as {
    list: Array<Record<string, unknown>>;
    hasMore: unknown;
  };

describe('expectConforms', () => {
  it('passes a conforming page', () => {
    expect(() => expectConforms('listMassMessages', 200, firstPage())).not.toThrow();
  });

  it.each([
    [
      'a price sent as a number',
      (b: ReturnType<typeof firstPage>) => {
        (b.list[0] as Record<string, unknown>).price = 12.99;
      },
      '$.list[0].price must be string',
      'type',
    ],
    [
      'fromUser in neither documented shape',
      (b: ReturnType<typeof firstPage>) => {
        (b.list[0] as Record<string, unknown>).fromUser = { id: 1 };
      },
      '$.list[0].fromUser',
      'anyOf',
    ],
    [
      'the list missing',
      (b: ReturnType<typeof firstPage>) => {
        delete (b as Partial<typeof b>).list;
      },
      '$ missing required property "list"',
      'required',
    ],
  ])('fails on %s, naming the operation, path and rule', (_name, mutate, where, rule) => {
    const body = firstPage();
    mutate(body);
    let thrown: unknown;
    try {
      expectConforms('listMassMessages', 200, body, 'GET /v2/access/mass-messages');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolation);
    const message = (thrown as Error).message;
    expect(message).toContain('listMassMessages 200 response breaks the spec');
    expect(message).toContain('(GET /v2/access/mass-messages)');
    expect(message).toContain(`listMassMessages: ${where}`);
    expect(message).toContain(`rule "${rule}"`);
  });

  it('fails on a status the operation does not declare', () => {
    expect(() => expectConforms('listMassMessages', 418, {})).toThrow(
      /listMassMessages declares no JSON response for status 418/,
    );
  });

  it('validates an error body against the Error schema', () => {
    expect(() => expectConforms('listPurchasedMassMessages', 401, { message: 'no' })).not.toThrow();
    expect(() => expectConforms('listPurchasedMassMessages', 401, { message: 401 })).toThrow(
      /\$\.message must be string/,
    );
  });
});

describe('expectResponsesConform', () => {
  const ok = {
    path: '/v2/access/mass-messages',
    request: 'GET /v2/access/mass-messages',
    status: 200,
    body: firstPage(),
  };

  it('passes when every response conforms', () => {
    expect(() => expectResponsesConform([ok, ok])).not.toThrow();
  });

  it('names every broken response and keeps the client error as the cause', () => {
    const broken = { ...ok, request: 'GET /v2/access/mass-messages?offset=3', body: { list: [] } };
    const cause = new Error('client gave up');
    let thrown: unknown;
    try {
      expectResponsesConform([ok, broken, { ...broken, status: 500, body: 'oops' }], { cause });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolations);
    const violations = (thrown as ContractViolations).violations;
    expect(violations.map((v) => v.status)).toEqual([200, 500]);
    expect((thrown as Error).message).toContain('(GET /v2/access/mass-messages?offset=3)');
    expect((thrown as Error).message).toContain('$ missing required property "hasMore"');
    expect((thrown as Error).message).toContain('listMassMessages: $ must be object');
    expect((thrown as Error).cause).toBe(cause);
  });

  it('counts a path the spec does not have as a violation', () => {
    expect(() =>
      expectResponsesConform([{ ...ok, path: '/v3/nope', request: 'GET /v3/nope' }]),
    ).toThrow(/the spec has no operation at this path/);
  });

  it('validates against the spec it is given: a third operation of a copy of the bundle', () => {
    const spec = thirdOperationSpec();
    const third = { path: THIRD.path, request: `GET ${THIRD.path}`, status: 200 };
    expect(() =>
      expectResponsesConform([{ ...third, body: { items: [], hasMore: false } }], { spec }),
    ).not.toThrow();
    expect(() =>
      expectResponsesConform([{ ...third, body: { items: [], hasMore: 'false' } }], { spec }),
    ).toThrow(`${THIRD.operationId}: $.hasMore must be boolean`);
    // The bundle itself has no such operation.
    expect(() =>
      expectResponsesConform([{ ...third, body: { items: [], hasMore: false } }]),
    ).toThrow(/the spec has no operation at this path/);
  });

  it('leaves statuses the caller checks itself alone', () => {
    const unprocessable = { ...ok, status: 422, body: { whatever: true } };
    expect(() => expectResponsesConform([unprocessable], { skipStatuses: [422] })).not.toThrow();
    expect(() => expectResponsesConform([unprocessable])).toThrow(/status 422/);
  });
});
