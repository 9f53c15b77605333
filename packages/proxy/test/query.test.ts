import { type PageOperation as Operation, operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import { checkedQuery } from '../src/query.js';

const operation = operations.find((op) => op.operationId === 'listMassMessages') as Operation;

describe('checkedQuery', () => {
  it.each([
    ['', ''],
    ['limit=5', '?limit=5'],
    ['type=sent&offset=40&limit=20', '?limit=20&offset=40&type=sent'],
    ['offset=null', '?offset=null'],
    ['%6Cimit=%32&type=s%65nt', '?limit=2&type=sent'],
    ['limit=05', '?limit=5'],
  ])('forwards %j as %j', (sent, forwarded) => {
    expect(checkedQuery(operation, new URLSearchParams(sent))).toEqual({ search: forwarded });
  });

  it.each([
    ['limit=5.0', 'limit'],
    ['page=2', 'page'],
    ['limit=1&limit=1', 'limit'],
  ])('refuses %j, naming %s', (sent, parameter) => {
    expect(checkedQuery(operation, new URLSearchParams(sent)).problem).toMatchObject({ parameter });
  });
});
