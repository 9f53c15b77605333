// Small HTTP helpers shared by the server tests.
import { request } from 'node:http';
import { getOperation } from '@ofauth-mass-messages/spec';

/** Any values pass the mock's security check; these only stand for a key and a connection. */
export const AUTH = { apiKey: 'test-key', 'x-connection-id': 'conn_test' };

export const LIST = 'listMassMessages';
export const PURCHASED = 'listPurchasedMassMessages';
export const OPERATIONS = [LIST, PURCHASED] as const;

export function pathOf(operationId: string): string {
  return getOperation(operationId).path;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function getJson(
  url: string,
  headers: Record<string, string> = AUTH,
): Promise<JsonResponse> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the raw text is what the assertion will show.
  }
  return { status: response.status, headers: response.headers, body };
}

/** Sends a raw request (node:http, so that `Origin` is sent as given) and reads its head. */
export function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `task` `total` times with at most `concurrency` at once; returns how many failed. */
export async function runBounded(
  total: number,
  concurrency: number,
  task: (index: number) => Promise<boolean>,
): Promise<{ ok: number; failed: number }> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      try {
        if (await task(index)) ok++;
        else failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, failed };
}
