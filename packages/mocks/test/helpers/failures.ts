// Ways a mock's handler can fail inside, for the adapters' tests: each replaces the core's next
// answer with one that throws, rejects, or cannot be sent as it is.
import { expect, vi } from 'vitest';
import type { MockCore } from '../../src/core/respond.js';
import { expectValid } from './spec.js';

type Respond = MockCore['respond'];

export const BOOM = 'boom inside the handler';

/** [case, what the core's next call of respond does instead] */
export const FAILING_ANSWERS: [string, Respond][] = [
  ['the core rejects', () => Promise.reject(new Error(BOOM))],
  [
    'the core throws',
    () => {
      throw new Error(BOOM);
    },
  ],
  [
    'the body is not text',
    () => Promise.resolve({ status: 200, headers: {}, body: undefined as unknown as string }),
  ],
  [
    'a header cannot be sent',
    () => Promise.resolve({ status: 200, headers: { 'x-bad': 'a\nb' }, body: '{}' }),
  ],
  ['the status cannot be sent', () => Promise.resolve({ status: 99, headers: {}, body: '{}' })],
];

/** The core's next answer fails as `respond` does; later ones are the core's own. */
export function failNextAnswer(core: MockCore, respond: Respond): void {
  vi.spyOn(core, 'respond').mockImplementationOnce(respond);
}

/** The vendor's error body for a failure the mock did not expect: 500, no type (none documented). */
export function expectInternalError(status: number, body: unknown, operationId: string): void {
  expect(status).toBe(500);
  expect(body).toEqual({
    error: expect.any(String),
    requestId: expect.stringMatching(/^req_/),
    code: 'MOCK_INTERNAL_ERROR',
  });
  expectValid(operationId, 500, body);
}
