// A drawn request sent to a started server exactly as drawn: node's client writes the request
// target as given (no normalising), which fetch would not.
import { type Agent, request } from 'node:http';
import { expect } from 'vitest';
import type { DrawnRequest } from './arbitraries.js';

/** One request sent as drawn (node's client writes the target as given: no normalising). */
export function send(url: string, drawn: DrawnRequest, agent: Agent) {
  const { port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: drawn.method,
        path: drawn.target,
        headers: drawn.headers,
        agent,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * What any answer to a drawn request must be: no 5xx it did not ask for, JSON unless a HEAD or a
 * 204, and the API key in neither the body nor the log lines written while it was answered.
 */
export function expectSoundAnswer(
  drawn: DrawnRequest,
  answer: { status: number; body: string },
  logged: readonly string[],
): void {
  if (answer.status >= 500) expect([...drawn.asked]).toContain(answer.status);
  if (answer.body === '') {
    expect(drawn.method === 'HEAD' || answer.status === 204).toBe(true);
  } else {
    expect(() => JSON.parse(answer.body)).not.toThrow();
  }
  if (drawn.apiKey) {
    expect(answer.body).not.toContain(drawn.apiKey);
    expect(logged.join('\n')).not.toContain(drawn.apiKey);
  }
}
