// The agency's figures on a small market built through the real services, whose every answer was
// worked out by hand below (not by the code under test):
//   listings  - a demand of the SME, submitted and approved by the curator (review), 2 March
//             - an AI offer of the university, published by the demo seed, 2 March
//             - a drone demand of the SME, submitted 2 March and still waiting for review
//             - three shrimp offers of the university, imported: 2 March (deal 1), 3 March (deal 2), 6 April (deal 3)
//   deals     - 1: interest 2 March, agreed, signed, both milestones paid and accepted (1.5 bn)
//             - 2: interest 3 March, agreed; its contract not signed
//             - 3: interest 6 April, declined a day later
//             - 4: interest 6 April in the AI offer, never answered (overdue by 1 May)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { DEFAULT_STATS_QUERY, type StatsQuery } from '../../app/domain/stats-query.js';
import { expressInterest, takeDealTransition } from '../../app/services/deals.server.js';
import { PermissionError } from '../../app/services/errors.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { agencyStats, marketFigures, refreshMarketFacts } from '../../app/services/market-figures.server.js';
import { createListing } from '../../app/services/my-listings.server.js';
import { AI_OFFER, DRONE_DEMAND, SHRIMP_OFFER, WASTEWATER_DEMAND, createOrganisation, createUser } from '../fixtures/market.js';
import { agreedDeal, completedDeal, type DealSide } from '../support/completed-deal.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let now = new Date('2026-03-02T03:00:00Z');
let sme: DealSide;
let uni: DealSide;
let curator: Actor;

const actor = (userId: string, organisationId: string, organisationType: Actor['organisationType'], role: Actor['role']): Actor => ({
  userId, name: userId, email: `${userId}@x.vn`, organisationId, organisationType, role, platformAdmin: false,
});

async function side(slug: string, type: 'enterprise' | 'university', taxCode: string): Promise<DealSide> {
  const org = await createOrganisation(market.db, { slug, name: slug, type, taxCode });
  const member = await createUser(market.db, { email: `nv@${slug}.vn`, organisationId: org, passwordHash: 'x' });
  const admin = await createUser(market.db, { email: `gd@${slug}.vn`, organisationId: org, passwordHash: 'x', role: 'admin' });
  return { org, member: actor(member, org, type, 'member'), admin: actor(admin, org, type, 'admin') };
}

const INTEREST = { cooperation: 'Chúng tôi cần chuyển giao công nghệ này.', aboutUs: 'Công ty sản xuất tại Cà Mau.', transferMode: 'turnkey', priceIndication: null };
const figures = (query: Partial<StatsQuery> = {}) => marketFigures(market.ctx, { ...DEFAULT_STATS_QUERY, ...query });
const at = (iso: string) => (now = new Date(iso));

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  sme = await side('tom-tk', 'enterprise', '0100109106');
  uni = await side('dh-tk', 'university', '0001000027');
  const agency = await createOrganisation(market.db, { slug: 'so-tk', name: 'Sở', type: 'agency', taxCode: '0001000034' });
  curator = actor(await createUser(market.db, { email: 'cb@so.vn', organisationId: agency, passwordHash: 'x' }), agency, 'agency', 'member');

  at('2026-03-02T03:00:00Z');
  const demand = (await createListing(market.ctx, sme.admin, WASTEWATER_DEMAND)).id;
  await applyListingTransition(market.ctx, sme.admin, demand, 'submit');
  await applyListingTransition(market.ctx, curator, demand, 'approve');
  const ai = (await createListing(market.ctx, uni.admin, AI_OFFER)).id;
  await applyListingTransition(market.ctx, null, ai, 'seed');
  const waiting = (await createListing(market.ctx, sme.admin, DRONE_DEMAND)).id;
  await applyListingTransition(market.ctx, sme.admin, waiting, 'submit');

  await completedDeal(market.ctx, sme, uni);
  at('2026-03-03T03:00:00Z');
  await agreedDeal(market.ctx, sme, uni);
  at('2026-04-06T03:00:00Z');
  const shrimp = (await importPublishedListings(market.ctx, uni.org, [SHRIMP_OFFER])).ids[0]!;
  const declined = (await expressInterest(market.ctx, sme.member, shrimp, INTEREST)).id;
  await expressInterest(market.ctx, sme.member, ai, INTEREST);
  at('2026-04-07T03:00:00Z');
  await takeDealTransition(market.ctx, uni.admin, declined, 'decline', { declineReason: 'not_a_fit', reason: 'Không phù hợp.' });
  at('2026-05-01T03:00:00Z');
  // The figures read views the job rebuilds; here it runs once, after the market is made.
  await refreshMarketFacts(market.db);
});

afterAll(() => market?.close());

describe('the market’s figures', () => {
  it('follow the funnel from publication to paid completion', async () => {
    const f = await figures();
    expect(f.funnel).toEqual({ key: '', published: 5, interests: 4, negotiations: 2, agreed: 2, signed: 1, completed: 1, valueSigned: 1_500_000_000, valuePaid: 1_500_000_000, paidContracts: 1 });
  });

  it('count a listing published by import or seed as such, never as reviewed', async () => {
    expect((await figures()).publishedBy).toEqual({ review: 1, import: 3, seed: 1 });
  });

  it('break the funnel down by sector, organisation type and month', async () => {
    const f = await figures();
    const bySector = Object.fromEntries(f.bySector.map((r) => [r.key, [r.published, r.interests, r.agreed, r.signed]]));
    expect(bySector).toEqual({
      environment_water: [4, 3, 2, 1],
      aquaculture_fisheries: [3, 3, 2, 1],
      ai_data: [1, 1, 0, 0],
      ict: [1, 1, 0, 0],
      textiles: [1, 0, 0, 0],
    });
    expect(Object.fromEntries(f.byOrganisationType.map((r) => [r.key, [r.published, r.interests]]))).toEqual({ university: [4, 4], enterprise: [1, 0] });
    expect(f.byPeriod.map((r) => [r.key, r.published, r.interests, r.signed])).toEqual([
      ['2026-03', 4, 2, 1],
      ['2026-04', 1, 2, 0],
    ]);
    expect((await figures({ period: 'quarter' })).byPeriod.map((r) => [r.key, r.published, r.interests])).toEqual([['2026-Q1', 4, 2], ['2026-Q2', 1, 2]]);
  });

  it('obey the query: one sector, one organisation type, a range of days in Viet Nam’s calendar', async () => {
    const aqua = await figures({ sector: 'aquaculture_fisheries' });
    expect([aqua.funnel.published, aqua.funnel.interests, aqua.funnel.agreed, aqua.funnel.signed]).toEqual([3, 3, 2, 1]);
    expect(aqua.bySector.map((r) => r.key)).toEqual(['aquaculture_fisheries']);
    expect((await figures({ organisationType: 'enterprise' })).funnel).toMatchObject({ published: 1, interests: 0 });
    const april = await figures({ from: '2026-04-01' });
    expect([april.funnel.published, april.funnel.interests, april.funnel.negotiations]).toEqual([1, 2, 0]);
    // 2 March 10:00 in Viet Nam is 2 March there: a range ending that day holds the day's listings.
    expect((await figures({ to: '2026-03-02' })).funnel).toMatchObject({ published: 3, interests: 1 });
    expect((await figures({ from: '2026-03-03', to: '2026-03-31' })).funnel).toMatchObject({ published: 1, interests: 1 });
  });

  it('measure how fast interests are answered', async () => {
    // Deals 1 and 2 answered at once, deal 3 a day later, deal 4 never (its deadline passed).
    expect((await figures()).responseTimes).toEqual({
      interests: 4,
      answered: 3,
      answeredInTime: 3,
      shareInTime: 0.75,
      medianAnswerDays: 0,
      p90AnswerDays: 0.8,
      medianAgreementDays: 0,
    });
  });

  it('show where demand and supply do not meet', async () => {
    const gaps = Object.fromEntries((await figures()).supplyDemand.map((r) => [r.sector, [r.offers, r.demands, r.gap]]));
    // Three shrimp offers answer one wastewater demand; the drone demand is not published.
    expect(gaps.environment_water).toEqual([3, 1, 'few_demands']);
    expect(gaps.textiles).toEqual([0, 1, 'balanced']);
    expect(gaps.agrifood).toEqual([0, 0, 'balanced']);
  });

  it('list what needs care: the review queue, overdue answers, and listings stale after six months', async () => {
    expect((await figures()).upkeep).toEqual({ staleListings: 0, reviewQueue: 1, oldestReviewDays: 60, medianReviewDays: 60, dealsOverdue: 1, milestonesOverdue: 0 });
    at('2026-09-15T03:00:00Z');
    // The figures are as of the last rebuild: the same until the job runs again.
    expect((await figures()).upkeep.staleListings).toBe(0);
    await refreshMarketFacts(market.db);
    // Not confirmed active since March: the four listings of March; the one of April is five months old.
    expect((await figures()).upkeep.staleListings).toBe(4);
    at('2026-05-01T03:00:00Z');
  });

  it('are the agency’s: anyone else is refused', async () => {
    await expect(agencyStats(market.ctx, sme.admin, DEFAULT_STATS_QUERY)).rejects.toBeInstanceOf(PermissionError);
    await expect(agencyStats(market.ctx, null, DEFAULT_STATS_QUERY)).rejects.toBeInstanceOf(PermissionError);
    expect((await agencyStats(market.ctx, curator, DEFAULT_STATS_QUERY)).funnel.completed).toBe(1);
  });
});
