// Targets build the client a user would build, over the recording fetch. The live target's
// bounds are checked against a stand-in on 127.0.0.1 (the recorded upstream), since CI has no
// credentials: every check passes within its request budget, and the key never shows in what is kept.
import type { OFAuthClient } from '@ofauth-mass-messages/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractChecks, FAR_OFFSET } from '../src/checks.js';
import { type RecordedUpstream, startRecordedUpstream } from '../src/recorded-upstream.js';
import { recordingFor } from '../src/recordings.js';
import { contractSpec } from '../src/spec.js';
import { LOCAL_CREDENTIALS, liveTarget, startRecordedTarget } from '../src/target.js';
import { recordings } from './fixtures/recordings.js';

// The stand-in replays recordings: the checks of the operations it has recordings of.
const spec = contractSpec();
const recordedChecks = contractChecks(
  spec,
  spec.operations.filter((op) => recordingFor(recordings, op)),
);

const SECRET = 'sk_test_never-printed';

describe('liveTarget, pointed at a stand-in', () => {
  let upstream: RecordedUpstream;
  beforeAll(async () => {
    upstream = await startRecordedUpstream({ recordings });
  });
  afterAll(async () => {
    await upstream.stop();
  });

  it.each(recordedChecks.map((c) => [c.name, c] as const))(
    '%s passes within its request budget',
    async (_name, check) => {
      const live = liveTarget({ apiKey: SECRET, connectionId: 'conn_1', baseUrl: upstream.url });
      const context = live.context();
      const outcome = await check.run(context);
      expect(outcome.statuses.at(-1)).toBe(200);
      expect(context.recorder.sent).toBeGreaterThanOrEqual(1);
      expect(context.recorder.sent).toBeLessThanOrEqual(live.maxRequests);
      expect(JSON.stringify(context.recorder.responses)).not.toContain(SECRET);
    },
  );

  it('pages at most 2 pages and asks past the end at a far offset', async () => {
    const live = liveTarget({ apiKey: SECRET, connectionId: 'conn_1', baseUrl: upstream.url });
    expect(live.paging).toEqual({ pageSize: 20, maxItems: 40, reachesEnd: false });
    const pastEnd = recordedChecks.find((c) =>
      c.name.endsWith('offset past the end is an empty last page'),
    );
    const context = live.context();
    await pastEnd?.run(context);
    expect(context.recorder.responses.map((r) => r.request)).toEqual([
      `GET /v2/access/mass-messages?offset=${FAR_OFFSET}`,
    ]);
    expect(live.name).toBe('live API');
  });
});

describe('startRecordedTarget', () => {
  it('names its drift, sends the local credentials and stops', async () => {
    const target = await startRecordedTarget(recordings, 'type-changed');
    try {
      expect(target.name).toBe('recorded upstream (drift: type-changed)');
      const { client, recorder } = target.context();
      await (client as OFAuthClient).listMassMessages({ limit: 1 });
      expect(recorder.responses.map((r) => [r.request, r.status])).toEqual([
        ['GET /v2/access/mass-messages?limit=1', 200],
      ]);
      expect(LOCAL_CREDENTIALS.apiKey).not.toBe('');
    } finally {
      await target.stop();
    }
    await expect(fetch(target.baseUrl)).rejects.toThrow();
  });
});
