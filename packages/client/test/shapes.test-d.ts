// Type tests of every shape, on a client typed from the fixture's generated openapi-typescript
// `operations` and table exactly as createClient is typed from the spec's: an offset-paged
// operation's Page, a page without offset that is not iterable, an object operation's body, and
// path parameters required.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../fixtures/generated/schema.js';
import type {
  APIPromise,
  APIResponse,
  Page,
  PagePromise,
  SinglePage,
  WithRequestID,
} from '../src/index.js';
import type { FixtureClient } from './helpers/fixture-client.js';

type Schemas = components['schemas'];
declare const client: FixtureClient;

describe('an offset-paged operation (listFixtureBuyers)', () => {
  type Params = { massMessageId: string; limit?: number; offset?: number | null };
  type Buyers = Page<Schemas['FixtureBuyersPage'], Schemas['FixtureBuyer'], Params>;

  it('is awaited for a Page: the body with the page methods', async () => {
    const page = await client.listFixtureBuyers({ massMessageId: 'm1' });
    expectTypeOf(page).toEqualTypeOf<Buyers>();
    expectTypeOf(page.list).toEqualTypeOf<Schemas['FixtureBuyer'][]>();
    expectTypeOf(page.hasNextPage()).toEqualTypeOf<boolean>();
    expectTypeOf(page.nextPageParams()).toEqualTypeOf<Params | null>();
    expectTypeOf(page.getNextPage()).resolves.toEqualTypeOf<Buyers>();
    expectTypeOf(page._request_id).toEqualTypeOf<string | null | undefined>();
    for await (const next of page.iterPages()) expectTypeOf(next).toEqualTypeOf<Buyers>();
    for await (const buyer of page) expectTypeOf(buyer).toEqualTypeOf<Schemas['FixtureBuyer']>();
  });

  it('iterates items and pages from the call', async () => {
    const call = client.listFixtureBuyers({ massMessageId: 'm1' }, { maxItems: 5 });
    expectTypeOf(call).toEqualTypeOf<PagePromise<Buyers, Schemas['FixtureBuyer']>>();
    for await (const buyer of call) expectTypeOf(buyer).toEqualTypeOf<Schemas['FixtureBuyer']>();
    for await (const page of call.iterPages()) expectTypeOf(page).toEqualTypeOf<Buyers>();
    expectTypeOf(call.withResponse()).resolves.toEqualTypeOf<APIResponse<Buyers>>();
  });

  it('types an item’s fields as the schema says: required, optional, optional and nullable', () => {
    expectTypeOf<Schemas['FixtureBuyer']['id']>().toEqualTypeOf<number>();
    expectTypeOf<Pick<Schemas['FixtureBuyer'], 'spent'>>().toEqualTypeOf<{ spent?: number }>();
    expectTypeOf<Pick<Schemas['FixtureBuyer'], 'note'>>().toEqualTypeOf<{
      note?: string | null;
    }>();
    // @ts-expect-error a required field cannot be left out
    const withoutName: Schemas['FixtureBuyer'] = { id: 1 };
    expectTypeOf(withoutName).not.toBeAny();
  });

  it('takes the path parameter and the query parameters in one object', () => {
    expectTypeOf(client.listFixtureBuyers).parameter(0).toEqualTypeOf<Params>();
  });

  it('requires its path parameter, typed from the spec', () => {
    client.listFixtureBuyers({ massMessageId: 'm1', limit: 5, offset: null });
    // @ts-expect-error the path parameter is required
    client.listFixtureBuyers();
    // @ts-expect-error the path parameter is required
    client.listFixtureBuyers({ limit: 5 });
    // @ts-expect-error a string, not a number
    client.listFixtureBuyers({ massMessageId: 5 });
  });
});

describe('a page without offset (listFixtureSent)', () => {
  type Sent = SinglePage<Schemas['PurchasedMassMessagesPage']>;

  it('is awaited for a single page: hasNextPage() is false, there is no getNextPage', async () => {
    const page = await client.listFixtureSent({ startDate: '2026-11-01T00:00:00Z' });
    expectTypeOf(page).toEqualTypeOf<Sent>();
    expectTypeOf(page.items).toEqualTypeOf<Schemas['PurchasedMassMessage'][]>();
    expectTypeOf(page.hasMore).toEqualTypeOf<boolean>();
    expectTypeOf(page.hasNextPage()).toEqualTypeOf<false>();
    // @ts-expect-error no next page to get: there is no offset
    void page.getNextPage;
    // @ts-expect-error nor pages to iterate
    void page.iterPages;
  });

  it('is not iterable: no loop that would never end', async () => {
    const call = client.listFixtureSent();
    expectTypeOf(call).toEqualTypeOf<APIPromise<Sent>>();
    expectTypeOf(call).not.toMatchTypeOf<AsyncIterable<unknown>>();
    // @ts-expect-error not async-iterable
    for await (const item of call) void item;
    // @ts-expect-error no pages to iterate
    void call.iterPages;
  });

  it('takes the date range as strings, and no iteration options', () => {
    client.listFixtureSent({ startDate: 'x', endDate: 'y', limit: 3 });
    // @ts-expect-error no offset
    client.listFixtureSent({ offset: 3 });
    // @ts-expect-error maxItems bounds an iteration, which this operation has not
    client.listFixtureSent({}, { maxItems: 3 });
  });
});

describe('an object operation (getFixtureChart)', () => {
  type Chart = Schemas['FixtureChart'];

  it('is awaited for the object, with its request id', async () => {
    const chart = await client.getFixtureChart({ withTotal: true });
    expectTypeOf(chart).toEqualTypeOf<WithRequestID<Chart>>();
    expectTypeOf(chart.total).toEqualTypeOf<number | undefined>();
    // @ts-expect-error not a page
    void chart.hasNextPage;
  });

  it('gives the object with its response, and does not iterate', async () => {
    const call = client.getFixtureChart();
    expectTypeOf(call).toEqualTypeOf<APIPromise<Chart>>();
    expectTypeOf(call.withResponse()).resolves.toEqualTypeOf<APIResponse<Chart>>();
    expectTypeOf(call).not.toMatchTypeOf<AsyncIterable<unknown>>();
  });

  it('types its boolean and date parameters', () => {
    client.getFixtureChart({ startDate: '2026-11-01', withTotal: false });
    // @ts-expect-error a boolean, not its text
    client.getFixtureChart({ withTotal: 'true' });
  });
});
