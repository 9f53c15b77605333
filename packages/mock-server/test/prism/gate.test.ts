// Prism's gate: every answer to an operation is checked against the spec by Prism's validator,
// each distinct answer once, and one that breaks the spec becomes a 500 naming the violation.
// Proven end to end with a document whose example page is broken (the core serves the example's
// items as written): with the gate it is caught, without it (`prism: false`) it goes out. Then the
// gate alone: what it validates again, what it remembers, and how much.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MockResponse } from '@ofauth-mass-messages/mocks';
import { readDocument as loadSpec } from '@ofauth-mass-messages/spec/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGate, type GateOptions } from '../../src/prism/gate.js';
import { createPrismValidator, type PrismValidator } from '../../src/prism/validator.js';
import { type MockServer, startMockServer } from '../../src/server.js';
import { AUTH, expectValid, getJson, LIST } from '../helpers.js';

let folder: string;
let broken: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mock-prism-'));
  const doc = structuredClone(loadSpec()) as unknown as {
    components: { examples: Record<string, { value: { list: { id: unknown }[] } }> };
  };
  const item = doc.components.examples.MassMessagesFirstPage?.value.list[0];
  if (!item) throw new Error('the spec has no MassMessagesFirstPage example with an item');
  item.id = 'not-an-integer';
  broken = join(folder, 'broken.json');
  await writeFile(broken, JSON.stringify(doc));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.each([
  [true, 500],
  [false, 200],
])('prism: %s, serving an example page that breaks the spec', (prism, status) => {
  let mock: MockServer;
  const lines: string[] = [];

  beforeAll(async () => {
    mock = await startMockServer({
      port: 0,
      mode: 'examples',
      document: broken,
      prism,
      onLog: (line) => lines.push(line),
    });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it(`answers ${status}`, async () => {
    const { status: got, body } = await getJson(`${mock.url}${LIST.path}`, {
      ...AUTH,
      apiKey: 'sk_live_prism_secret',
    });
    expect(got).toBe(status);
    if (prism) {
      // The spec's Error body, naming where the answer broke the spec and the rule.
      expectValid(LIST.operationId, 500, body);
      expect(body).toMatchObject({ code: 'MOCK_SPEC_VIOLATION' });
      expect(JSON.stringify(body)).toMatch(/"response","body","list","0","id"/);
      expect(String(body.error)).toMatch(/response\.body\.list\.0\.id .*must be integer/);
      expect(lines.join('\n')).toMatch(/prism: Violation: response\.body\.list\.0\.id/);
      expect(lines.join('\n')).not.toContain('sk_live_prism_secret');
    } else {
      expect((body as { list: { id: unknown }[] }).list[0]?.id).toBe('not-an-integer');
    }
  });

  it('still answers what the spec allows: 401 without the headers, 400 naming the parameter', async () => {
    expect((await getJson(`${mock.url}${LIST.path}`, {})).status).toBe(401);
    const bad = await getJson(`${mock.url}${LIST.path}?limit=21`, AUTH);
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toBe(
      'limit must be an integer from 1 to 20, got "21"',
    );
  });
});

describe('the gate alone', () => {
  let prism: PrismValidator;
  beforeAll(async () => {
    prism = await createPrismValidator(loadSpec());
  });

  /** Prism's validator, its calls counted. */
  const counted = () => {
    const validate = vi.fn(prism.validate);
    return { validator: { ...prism, validate }, validate };
  };

  const page = (
    body: unknown,
    headers: Record<string, string> = {},
    status = 200,
  ): MockResponse => ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    operationId: LIST.operationId,
  });
  const EMPTY = { list: [], hasMore: false };
  const BROKEN = { list: [{ id: 'one' }], hasMore: false };

  it('validates each distinct answer once: the same page again is not validated again', () => {
    const { validator, validate } = counted();
    const gate = createGate(validator);
    for (let i = 0; i < 3; i++) expect(gate.pass(page(EMPTY))).toEqual(page(EMPTY));
    expect(validate).toHaveBeenCalledTimes(1);
    expect(gate.validations).toBe(1);
  });

  it.each<[string, MockResponse]>([
    ['another body', page({ list: [], hasMore: true })],
    ['another status', page(EMPTY, {}, 203)],
    ['another media type', page(EMPTY, { 'content-type': 'text/plain' })],
    ['another value of a header the spec documents', page(EMPTY, { 'x-ratelimit-remaining': '7' })],
    [
      'another operation',
      { ...page({ list: [], hasMore: false }), operationId: 'listPurchasedMassMessages' },
    ],
  ])('validates %s anew', (_case, other) => {
    const { validator, validate } = counted();
    const gate = createGate(validator);
    gate.pass(page(EMPTY));
    gate.pass(other);
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it('does not validate again for a header the spec does not document (the CORS origin)', () => {
    const { validator, validate } = counted();
    const gate = createGate(validator);
    gate.pass(page(EMPTY, { 'access-control-allow-origin': 'http://a.test' }));
    gate.pass(page(EMPTY, { 'access-control-allow-origin': 'http://b.test' }));
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('refuses a broken answer every time it comes, validating it once, CORS headers kept', () => {
    const { validator, validate } = counted();
    const gate = createGate(validator);
    const broken = page(BROKEN, { 'access-control-allow-origin': 'http://a.test', vary: 'origin' });
    for (let i = 0; i < 2; i++) {
      const refused = gate.pass(broken);
      expect(refused.status).toBe(500);
      expect(refused.headers).toMatchObject({
        'content-type': 'application/json',
        'access-control-allow-origin': 'http://a.test',
      });
      const body = JSON.parse(refused.body ?? '');
      expectValid(LIST.operationId, 500, body);
      expect(body.details.validation).toContainEqual(
        expect.objectContaining({
          location: ['response', 'body', 'list', '0', 'id'],
          severity: 'Error',
          code: 'type',
        }),
      );
    }
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('lets a status the operation does not document pass with a warning, said once', () => {
    const lines: string[] = [];
    const gate = createGate(prism, { onLog: (line) => lines.push(line) });
    const teapot = page({ message: 'short and stout' }, {}, 418);
    expect(gate.pass(teapot)).toEqual(teapot);
    expect(gate.pass(teapot)).toEqual(teapot);
    expect(lines).toEqual([
      expect.stringMatching(/^prism: Violation: response Unable to match the returned status code/),
    ]);
  });

  it('leaves answers without an operation or a body alone (a preflight, a 404, a HEAD)', () => {
    const { validator, validate } = counted();
    const gate = createGate(validator);
    const preflight: MockResponse = { status: 204, headers: {}, body: null };
    const unknown: MockResponse = { status: 404, headers: {}, body: '{"message":"no"}' };
    const head: MockResponse = { ...page(EMPTY), body: null };
    for (const answer of [preflight, unknown, head]) expect(gate.pass(answer)).toBe(answer);
    expect(validate).not.toHaveBeenCalled();
  });

  const [a, b, c] = [1, 2, 3].map((n) => page({ list: [], hasMore: n === 1, n }));
  const length = (answer: MockResponse | undefined) => answer?.body?.length ?? 0;

  it.each<[string, GateOptions]>([
    ['answers', { maxAnswers: 2 }],
    ['characters', { maxChars: length(a) + length(b) }],
  ])('keeps a bounded number of %s, the least recently used dropped first', (_bound, bound) => {
    if (!a || !b || !c) throw new Error('three answers');
    const { validator, validate } = counted();
    const gate = createGate(validator, bound);
    gate.pass(a);
    gate.pass(b);
    gate.pass(a); // a is now the most recently used
    gate.pass(c); // over the bound: drops b
    expect(validate).toHaveBeenCalledTimes(3);
    gate.pass(a);
    gate.pass(c);
    expect(validate).toHaveBeenCalledTimes(3);
    gate.pass(b);
    expect(validate).toHaveBeenCalledTimes(4);
  });

  it('compares the whole text: bodies that differ in one character are validated apart', () => {
    const { validator, validate } = counted();
    const gate = createGate(validator);
    const long = 'x'.repeat(40_000);
    gate.pass(page({ list: [], hasMore: false, note: `${long}a` }));
    gate.pass(page({ list: [], hasMore: false, note: `${long}b` }));
    expect(validate).toHaveBeenCalledTimes(2);
  });
});
