// The headers the core adds to every answer (`x-request-id`, the error body's `requestId`, and
// `X-RateLimit-*`), held alike for every adapter that runs the core: the in-process ones (this
// package's tests) and the server (the mock server's tests). The cases and the reading of an
// answer live here; each test file asserts on what `answerHeaderProblems` finds.
import { AUTH, LIST } from './http.js';

export type Get = (path: string, headers: Record<string, string>) => Promise<Response>;

/** What is asked (the list's path, with these headers) and the status it must answer. */
export const ANSWER_HEADER_CASES = [
  ['a page', LIST.path, AUTH, 200],
  ['a 401', LIST.path, {}, 401],
  ['a 429 scenario', LIST.path, { ...AUTH, prefer: 'code=429' }, 429],
] as const;

/** What an answer lacks: the status, a `req_…` id, numeric rate-limit headers, the body's id. */
export async function answerHeaderProblems(response: Response, status: number): Promise<string[]> {
  const problems: string[] = [];
  if (response.status !== status) problems.push(`status ${response.status}, not ${status}`);
  const id = response.headers.get('x-request-id');
  if (!/^req_\w+$/.test(id ?? '')) problems.push(`x-request-id ${JSON.stringify(id)}`);
  for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
    const value = response.headers.get(name);
    if (!/^\d+$/.test(value ?? '')) problems.push(`${name} ${JSON.stringify(value)}`);
  }
  const body = (await response.json()) as { requestId?: unknown };
  if (status !== 200 && body.requestId !== id) {
    problems.push(`body requestId ${JSON.stringify(body.requestId)}, header ${id}`);
  }
  return problems;
}
