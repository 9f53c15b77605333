// The one router: literal and templated paths, methods, base paths, path parameters.
import { buildOperations, type JsonObject, type Operation } from '@ofauth-mass-messages/spec';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../src/router.js';

const page = {
  description: 'ok',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['list', 'hasMore'],
        properties: { list: { type: 'array', items: {} }, hasMore: { type: 'boolean' } },
      },
    },
  },
};
const get = (operationId: string, parameters: JsonObject[] = []) => ({
  get: { operationId, parameters, responses: { 200: page } },
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

const operations: Operation[] = buildOperations({
  openapi: '3.1.0',
  paths: {
    '/x/{id}': get('byId', [idParam]),
    '/x/top': get('top'),
    '/x/{id}/buyers': get('buyers', [idParam]),
  },
});

describe('createRouter', () => {
  const router = createRouter(operations, '/api');

  it.each<[string, string, string, unknown]>([
    ['GET', '/api/x/top', 'operation top', {}],
    ['GET', '/api/x/12', 'operation byId', { id: 12 }],
    ['GET', '/api/x/012/buyers', 'operation buyers', { id: 12 }],
    ['get', '/api/x/12', 'operation byId', { id: 12 }],
    ['GET', '/api/x/0', 'invalid byId', 'id must be an integer >= 1, got "0"'],
    ['GET', '/api/x/%E0%A4%A', 'unknown', undefined],
    ['GET', '/api/x/', 'unknown', undefined],
    ['GET', '/api/x/12/', 'unknown', undefined],
    ['GET', '/x/top', 'unknown', undefined],
    ['GET', '/apix/x/top', 'unknown', undefined],
    ['POST', '/api/x/top', 'method', ['GET']],
  ])('%s %s: %s', (method, path, expected, detail) => {
    const match = router.match(method, path);
    const [kind, operationId] = expected.split(' ');
    expect(match.kind).toBe(kind);
    if (match.kind === 'operation') {
      expect(match.operation.operationId).toBe(operationId);
      expect(match.pathValues).toEqual(detail);
    }
    if (match.kind === 'invalid') expect(match.problem.message).toBe(detail);
    if (match.kind === 'method') expect(match.allow).toEqual(detail);
  });

  it('summarises what it serves for a 404', () => {
    expect(router.summary).toBe('GET /api/x/{id}, GET /api/x/top, GET /api/x/{id}/buyers');
  });
});
