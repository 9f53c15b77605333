// `Prefer: code=429` (and `example=<name>`) in dataset mode: Prism forwards the header, and the
// dataset server answers with the spec's own example response for that status, as Prism does in
// examples mode, so the error scenarios work the same in every mode.
import { getOperation, type JsonObject, resolveRef } from '@ofauth-mass-messages/spec';

export interface Preferences {
  code?: number;
  example?: string;
}

/** Reads `code` and `example` from a Prefer header such as `code=429, example=rateLimited`. */
export function parsePrefer(header: string | undefined): Preferences {
  const preferences: Preferences = {};
  for (const token of (header ?? '').split(/[,;]/)) {
    const [key, value] = token.split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    if (key === 'code' && value && /^\d{3}$/.test(value)) preferences.code = Number(value);
    if (key === 'example' && value) preferences.example = value;
  }
  return preferences;
}

export interface ScenarioResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The statuses an operation documents, for messages. */
function documentedStatuses(operationId: string): string[] {
  const { operation } = getOperation(operationId);
  return Object.keys(operation.responses as JsonObject);
}

/**
 * The spec's example response of `operationId` for `code` (the named example, or the first);
 * an `error` naming what is missing when the operation documents no such status or example.
 */
export function scenarioResponse(
  operationId: string,
  code: number,
  exampleName?: string,
): ScenarioResponse | { error: string } {
  const { operation } = getOperation(operationId);
  const declared = (operation.responses as JsonObject)[String(code)];
  if (declared === undefined) {
    return {
      error: `${operationId} documents no ${code} response; Prefer code= one of ${documentedStatuses(operationId).join(', ')}`,
    };
  }
  const response = resolveRef<JsonObject>(declared);
  const media = (response.content as Record<string, JsonObject> | undefined)?.['application/json'];
  const examples = (media?.examples ?? {}) as Record<string, unknown>;
  const names = Object.keys(examples);
  const name = exampleName ?? names[0];
  if (name === undefined || !(name in examples)) {
    return {
      error: `${operationId} has no example "${exampleName}" for ${code}; it has: ${names.join(', ') || 'none'}`,
    };
  }
  const example = resolveRef<JsonObject>(examples[name]);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [header, definition] of Object.entries((response.headers ?? {}) as JsonObject)) {
    const schema = resolveRef<JsonObject>(resolveRef<JsonObject>(definition).schema ?? {});
    const value = (schema.examples as unknown[] | undefined)?.[0] ?? schema.example;
    if (value !== undefined) headers[header.toLowerCase()] = String(value);
  }
  return { status: code, headers, body: example.value };
}
