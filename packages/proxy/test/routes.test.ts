import { operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import { createRoutes } from '../src/routes.js';

const [first] = operations;
const path = first.path;

describe('createRoutes', () => {
  it.each([
    ['', 'GET', path, { kind: 'operation', path }],
    ['', 'get', path, { kind: 'operation', path }],
    ['/api', 'GET', `/api${path}`, { kind: 'operation', path }],
    ['/api/proxy', 'GET', `/api/proxy${path}`, { kind: 'operation', path }],
    ['/api', 'GET', path, { kind: 'unknown', path }],
    ['/api', 'GET', `/apiv2${path}`, { kind: 'unknown', path: `/apiv2${path}` }],
    ['', 'GET', `${path}/`, { kind: 'unknown', path: `${path}/` }],
    ['', 'GET', path.toUpperCase(), { kind: 'unknown', path: path.toUpperCase() }],
    ['', 'POST', path, { kind: 'method', path, allow: ['GET'] }],
  ])('under %j, %s %s is %j', (basePath, method, pathname, expected) => {
    expect(createRoutes(operations, basePath).match(method, pathname)).toMatchObject(expected);
  });

  it('finds every operation of the table by its own path', () => {
    const routes = createRoutes(operations, '/api');
    for (const operation of operations) {
      expect(routes.match('GET', `/api${operation.path}`)).toEqual({
        kind: 'operation',
        operation,
        path: operation.path,
      });
    }
    expect(routes.summary).toBe(operations.map((op) => `GET /api${op.path}`).join(', '));
  });
});
