// Finding 3 and 17b of issue 7: matching survives a Meilisearch outage of any length (the sweep
// matches what the failed jobs left), and a saved search hears of a listing once, whatever
// retries or renewals follow.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../app/server/jobs.js';
import type { Actor } from '../../app/domain/actor.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { countListingsAwaitingMatching, runMatching, sweepMatching } from '../../app/services/matching-runs.server.js';
import { listingMatches } from '../../app/services/matching.server.js';
import { createListing } from '../../app/services/my-listings.server.js';
import { listNotifications } from '../../app/services/notifications.server.js';
import { alertSavedSearches, saveSearch } from '../../app/services/saved-searches.server.js';
import { createSearch, type Search } from '../../search/client.js';
import { SHRIMP_DEMAND, SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let liveSearch: Search;
const people: Record<string, Actor> = {};
const ids: Record<string, string> = {};

function actor(who: string, userId: string, organisationId: string, type: Actor['organisationType']): Actor {
  return { userId, name: who, email: `${who}@test.vn`, organisationId, organisationType: type, role: 'admin', platformAdmin: false };
}

async function publish(who: string, input: object): Promise<string> {
  const { id } = await createListing(market.ctx, people[who]!, input);
  await applyListingTransition(market.ctx, people[who]!, id, 'submit');
  await applyListingTransition(market.ctx, people.curator!, id, 'approve');
  return id;
}

const savedSearchHits = async () => (await listNotifications(market.ctx, people.scout!)).filter((n) => n.kind === 'saved_search_hit');

beforeAll(async () => {
  market = await createTestMarket();
  liveSearch = market.ctx.search;
  const orgs = {
    lab: ['institute', await createOrganisation(market.db, { slug: 'lab', name: 'Aquatic Lab', type: 'institute', taxCode: '0100000081' })],
    farm: ['enterprise', await createOrganisation(market.db, { slug: 'farm', name: 'Công ty Tôm', type: 'enterprise', taxCode: '0100000082' })],
    scout: ['enterprise', await createOrganisation(market.db, { slug: 'scout', name: 'Công ty Tìm', type: 'enterprise', taxCode: '0100000083' })],
    curator: ['agency', await createOrganisation(market.db, { slug: 'so', name: 'Sở', type: 'agency', taxCode: '0100000084' })],
  } as const;
  for (const [who, [type, org]] of Object.entries(orgs)) {
    const userId = await createUser(market.db, { email: `${who}@test.vn`, organisationId: org, passwordHash: 'x' });
    people[who] = actor(who, userId, org, type);
  }
  ids.offer = await publish('lab', SHRIMP_OFFER);
  await saveSearch(market.ctx, people.scout!, { name: 'Tôm', query: 'q=nuoi+tom&kind=demand' });
});

afterAll(() => market?.close());

describe('after a Meilisearch outage', () => {
  it('the sweep matches the listings whose matching jobs failed, and alerts their saved searches', async () => {
    // Meilisearch is unreachable: the relay and the matching job fail; the publication stands.
    market.ctx.search = createSearch({ host: 'http://127.0.0.1:9', apiKey: 'none', indexName: liveSearch.indexName, timeoutMs: 500 });
    ids.demand = await publish('farm', SHRIMP_DEMAND);
    market.ctx.search.close();
    market.ctx.search = liveSearch;
    expect((await listingMatches(market.ctx, ids.demand, people.farm!)).matches).toEqual([]);
    expect(await countListingsAwaitingMatching(market.ctx)).toBe(1);

    expect(await sweepMatching(market.ctx, { graceSeconds: 0 })).toEqual({ due: 1, matched: 1 });
    const { matches } = await listingMatches(market.ctx, ids.demand, people.farm!);
    expect(matches.map((m) => m.listing.id)).toContain(ids.offer);
    expect((await savedSearchHits()).map((n) => n.params.title)).toEqual([SHRIMP_DEMAND.title]);
    expect(await countListingsAwaitingMatching(market.ctx)).toBe(0);
    expect(await sweepMatching(market.ctx, { graceSeconds: 0 })).toEqual({ due: 0, matched: 0 });
  });
});

describe('a saved search', () => {
  it('hears of a listing once, through retries and a renewal', async () => {
    expect(await alertSavedSearches(market.ctx, ids.demand!)).toBe(0);
    expect(await runMatching(market.ctx, ids.demand!)).toBe('already_matched');

    await applyListingTransition(market.ctx, null, ids.demand!, 'expire');
    await applyListingTransition(market.ctx, people.farm!, ids.demand!, 'renew');
    // The renewed version was matched again, and announced nothing new.
    expect(await countListingsAwaitingMatching(market.ctx)).toBe(0);
    expect(await savedSearchHits()).toHaveLength(1);
    const labNews = (await listNotifications(market.ctx, people.lab!)).filter((n) => n.kind === 'new_match');
    expect(labNews).toHaveLength(1);
  });
});

describe('the matching job on the real queue', () => {
  it('retries with exponential backoff for hours, and the sweep and the index check are scheduled', async () => {
    const jobs = await startJobs({ databaseUrl: market.databaseUrl, context: market.ctx, sendEmail: null, intervals: { matchingSweepMinutes: 5, searchCheckMinutes: 7 } });
    try {
      const queue = await sql<{ retry_limit: number; retry_delay: number; retry_backoff: boolean }>`
        select retry_limit, retry_delay, retry_backoff from pgboss.queue where name = 'listing-published'`.execute(market.db);
      const { retry_limit: limit, retry_delay: delay, retry_backoff: backoff } = queue.rows[0]!;
      expect(backoff).toBe(true);
      // pg-boss waits at least delay × 2^n before retry n (n from 0): the least time it keeps trying.
      const leastSeconds = Array.from({ length: limit }, (_, n) => delay * 2 ** n).reduce((a, b) => a + b, 0);
      expect(leastSeconds / 3600).toBeGreaterThan(10);
      const schedules = await sql<{ name: string; cron: string }>`select name, cron from pgboss.schedule order by name`.execute(market.db);
      expect(schedules.rows).toEqual(expect.arrayContaining([{ name: 'matching-sweep', cron: '*/5 * * * *' }, { name: 'search-index-check', cron: '*/7 * * * *' }]));
    } finally {
      await jobs.stop();
    }
  });
});
