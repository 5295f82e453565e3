import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { actorFromSession, signIn } from '../../app/services/accounts.server.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { computeMatches, listingMatches, organisationMatches, rematchAll, setMatchState } from '../../app/services/matching.server.js';
import { createListing } from '../../app/services/my-listings.server.js';
import { listNotifications, sendDigests } from '../../app/services/notifications.server.js';
import { saveSearch } from '../../app/services/saved-searches.server.js';
import { SHRIMP_DEMAND, SHRIMP_OFFER, base, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let now = new Date('2026-11-23T01:00:00Z');
const people: Record<string, Actor> = {};
const ids: Record<string, string> = {};

const UNRELATED_OFFER = {
  ...base,
  kind: 'offer',
  title: 'Phần mềm quản lý thư viện số cho trường học',
  summary: 'Hệ thống quản lý sách điện tử và mượn trả cho thư viện trường phổ thông.',
  sectors: ['education_edtech'],
  keywords: ['thư viện số'],
  trl: 8,
  ipStatus: 'copyright',
  transferModes: ['licence_non_exclusive'],
  language: 'vi',
};

async function publish(who: string, input: object): Promise<string> {
  const { id } = await createListing(market.ctx, people[who]!, input);
  await applyListingTransition(market.ctx, people[who]!, id, 'submit');
  await applyListingTransition(market.ctx, people.curator!, id, 'approve');
  return id;
}

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const orgs = {
    lab: await createOrganisation(market.db, { slug: 'lab', name: 'Aquatic Lab', type: 'institute', taxCode: '0100000051' }),
    school: await createOrganisation(market.db, { slug: 'edu', name: 'Viện Giáo dục Số', type: 'institute', taxCode: '0100000052' }),
    farm: await createOrganisation(market.db, { slug: 'farm', name: 'Công ty Tôm Cà Mau', type: 'enterprise', taxCode: '0100000053' }),
    agency: await createOrganisation(market.db, { slug: 'sxa', name: 'Sở', type: 'agency', taxCode: '0100000054' }),
  };
  for (const [who, org] of Object.entries({ lab: orgs.lab, school: orgs.school, farm: orgs.farm, curator: orgs.agency, scout: orgs.school })) {
    await createUser(market.db, { email: `${who}@test.vn`, organisationId: org, passwordHash });
    const { token } = await signIn(market.ctx, { email: `${who}@test.vn`, password: 'mat-khau-thu-nghiem' }, { ip: who });
    people[who] = (await actorFromSession(market.ctx, token))!;
  }
  ids.shrimpOffer = await publish('lab', SHRIMP_OFFER);
  ids.unrelated = await publish('school', UNRELATED_OFFER);
  await saveSearch(market.ctx, people.scout!, { name: 'Tôm', query: 'q=nuoi+tom&kind=demand' });
  ids.demand = await publish('farm', SHRIMP_DEMAND);
});

afterAll(() => market?.close());

describe('publishing a demand', () => {
  it('matches the fitting English offer with reasons, and not the unrelated one', async () => {
    const { matches } = await listingMatches(market.ctx, ids.demand!, people.farm!);
    const found = matches.find((m) => m.listing.id === ids.shrimpOffer);
    expect(found?.score).toBeGreaterThanOrEqual(70);
    expect(found?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['shared_terms', 'same_sector', 'trl_fit', 'shared_modes', 'price_within_budget', 'same_province']));
    expect(matches.map((m) => m.listing.id)).not.toContain(ids.unrelated);
    const fromOffer = await listingMatches(market.ctx, ids.shrimpOffer!, people.lab!);
    expect(fromOffer.matches.map((m) => m.listing.id)).toContain(ids.demand);
  });

  it('notifies both owners of the new strong match, and not the unrelated one', async () => {
    const lab = await listNotifications(market.ctx, people.lab!);
    const farm = await listNotifications(market.ctx, people.farm!);
    const school = await listNotifications(market.ctx, people.school!);
    expect(lab.filter((n) => n.kind === 'new_match')).toHaveLength(1);
    expect(farm.filter((n) => n.kind === 'new_match')).toHaveLength(1);
    expect(school.filter((n) => n.kind === 'new_match')).toHaveLength(0);
  });

  // The two runs overlap, but nothing forces the race where both read the pair as unannounced:
  // this catches an announcement repeated by a rerun, and the race only when it happens.
  it('announces a strong pair once when two runs of its matching overlap', async () => {
    const count = async () => (await listNotifications(market.ctx, people.lab!)).filter((n) => n.kind === 'new_match').length;
    const before = await count();
    // As if the pair had never been announced, then two runs of the demand's matching at once.
    await market.db.updateTable('matches').set({ notified_at: null }).where('demand_id', '=', ids.demand!).where('offer_id', '=', ids.shrimpOffer!).execute();
    const runs = await Promise.all([computeMatches(market.ctx, ids.demand!), computeMatches(market.ctx, ids.demand!)]);
    expect(runs.map((r) => r.announced).sort()).toEqual([0, 1]);
    expect(await count()).toBe(before + 1);
  });

  it('alerts the owner of a saved search it meets', async () => {
    const scout = await listNotifications(market.ctx, people.scout!);
    expect(scout.filter((n) => n.kind === 'saved_search_hit').map((n) => n.params.title)).toEqual([SHRIMP_DEMAND.title]);
  });

  it('sends at most one digest a day per organisation', async () => {
    expect(await sendDigests(market.ctx)).toBeGreaterThanOrEqual(2);
    // Each in its reader's language: Vietnamese unless they chose English.
    const digests = await market.db.selectFrom('emails').select('to').where('subject', 'like', '%kết nối và thông báo mới%').execute();
    expect(digests.map((d) => d.to).sort()).toEqual(expect.arrayContaining(['farm@test.vn', 'lab@test.vn']));
    expect(await sendDigests(market.ctx)).toBe(0);
  });
});

describe('the owner', () => {
  it('dismisses a match for good, even after a full rematch', async () => {
    await setMatchState(market.ctx, people.farm!, ids.demand!, ids.shrimpOffer!, 'dismissed');
    await rematchAll(market.ctx);
    expect((await listingMatches(market.ctx, ids.demand!, people.farm!)).matches.map((m) => m.listing.id)).not.toContain(ids.shrimpOffer);
    // The other side's view is its own.
    expect((await listingMatches(market.ctx, ids.shrimpOffer!, people.lab!)).matches.map((m) => m.listing.id)).toContain(ids.demand);
    await setMatchState(market.ctx, people.lab!, ids.shrimpOffer!, ids.demand!, 'saved');
    const mine = (await organisationMatches(market.ctx, people.lab!, { listing: null, strength: 'all', saved: true, page: 1 })).matches;
    expect(mine[0]).toMatchObject({ mine: { id: ids.shrimpOffer }, theirs: { id: ids.demand }, saved: true });
    await expect(setMatchState(market.ctx, people.school!, ids.shrimpOffer!, ids.demand!, 'dismissed')).rejects.toThrow();
  });

  it('shows visitors only public facts: no confidential details in a match', async () => {
    const visitor = await listingMatches(market.ctx, ids.shrimpOffer!, null);
    expect(visitor.mayAct).toBe(false);
    expect(JSON.stringify(visitor)).not.toContain('SECRET-MEMBRANE');
    expect(visitor.matches.every((m) => m.state === null)).toBe(true);
  });
});
