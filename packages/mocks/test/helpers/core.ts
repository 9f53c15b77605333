import { readDocument } from '@ofauth-mass-messages/spec/node';
// Calling the mock core directly, as its adapters do.
import type { MockOptions } from '../../src/core/options.js';
import { createMockCore, type MockCore } from '../../src/core/respond.js';
import { readSpecData } from '../../src/spec/read.js';
import { AUTH } from './http.js';

export const spec = readSpecData(readDocument());

export function core(options: MockOptions = {}): MockCore {
  return createMockCore(spec, options);
}

export async function call(
  mock: MockCore,
  target: string,
  headers: Record<string, string> = AUTH,
  method = 'GET',
) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const answer = await mock.respond({
    method,
    url: new URL(target, 'http://mock.test'),
    header: (name) => lower[name.toLowerCase()],
  });
  return { ...answer, json: answer.body === null ? null : JSON.parse(answer.body) };
}
