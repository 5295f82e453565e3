// Saved-search alerts decided by one SQL query over the searches' filter columns and one
// Meilisearch multi-search over their texts: who hears of a published demand, and only once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { actorFromSession, signIn } from '../../app/services/accounts.server.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { createListing } from '../../app/services/my-listings.server.js';
import { listNotifications } from '../../app/services/notifications.server.js';
import { alertSavedSearches, saveSearch } from '../../app/services/saved-searches.server.js';
import * as savedSearchFilters from '../../db/migrations/2026_11_29_000015_saved_search_filters.js';
import { SHRIMP_DEMAND, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
const now = new Date('2026-11-29T01:00:00Z');
const people: Record<string, Actor> = {};
let demand: string;

const hitsOf = async (who: string) =>
  (await listNotifications(market.ctx, people[who]!)).filter((n) => n.kind === 'saved_search_hit').map((n) => n.params.name).sort();

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const farm = await createOrganisation(market.db, { slug: 'farm', name: 'Công ty Tôm Cà Mau', type: 'enterprise', taxCode: '0100000061' });
  const lab = await createOrganisation(market.db, { slug: 'lab', name: 'Viện Thủy sản', type: 'institute', taxCode: '0100000062' });
  const agency = await createOrganisation(market.db, { slug: 'sxa', name: 'Sở', type: 'agency', taxCode: '0100000063' });
  for (const [who, org] of Object.entries({ farm, colleague: farm, scout: lab, gone: lab, curator: agency })) {
    await createUser(market.db, { email: `${who}@test.vn`, organisationId: org, passwordHash });
    const { token } = await signIn(market.ctx, { email: `${who}@test.vn`, password: 'mat-khau-thu-nghiem' }, { ip: who });
    people[who] = (await actorFromSession(market.ctx, token))!;
  }
  const searches: Record<string, string> = {
    'filters met': 'kind=demand&sector=aquaculture_fisheries&sector=textiles&trl_min=5&trl_max=7&province=ca-mau&mode=turnkey&org_type=enterprise',
    'text met': 'q=nuoi+tom',
    'text and filters met': 'q=nuoc+thai&sector=environment_water',
    'other sector': 'sector=textiles',
    'other kind': 'kind=offer&sector=aquaculture_fisheries',
    'TRL too high': 'trl_min=8',
    'other province': 'province=ha-noi',
    'other organisation type': 'org_type=university',
    'IP status asked': 'ip=patent_granted',
    'text not met': 'q=phan+mem+thu+vien',
    'text not met, filters met': 'q=phan+mem+thu+vien&sector=aquaculture_fisheries',
  };
  for (const [name, query] of Object.entries(searches)) await saveSearch(market.ctx, people.scout!, { name, query });
  await saveSearch(market.ctx, people.gone!, { name: 'removed member', query: 'sector=aquaculture_fisheries' });
  await saveSearch(market.ctx, people.colleague!, { name: 'own organisation', query: 'kind=demand' });
  await market.db.updateTable('users').set({ removed_at: now }).where('id', '=', people.gone!.userId).execute();

  ({ id: demand } = await createListing(market.ctx, people.farm!, SHRIMP_DEMAND));
  await applyListingTransition(market.ctx, people.farm!, demand, 'submit');
  await applyListingTransition(market.ctx, people.curator!, demand, 'approve');
});

afterAll(() => market?.close());

describe('publishing a demand', () => {
  it('alerts the saved searches whose filters and text it meets, and no other', async () => {
    expect(await hitsOf('scout')).toEqual(['filters met', 'text and filters met', 'text met']);
  });

  it('tells neither a removed member nor its own organisation', async () => {
    expect(await hitsOf('gone')).toEqual([]);
    expect(await hitsOf('colleague')).toEqual([]);
    expect(await hitsOf('farm')).toEqual([]);
  });

  it('alerts once: a retried job finds nothing new', async () => {
    expect(await alertSavedSearches(market.ctx, demand)).toBe(0);
    expect(await hitsOf('scout')).toHaveLength(3);
    const alerts = await market.db.selectFrom('saved_search_alerts').select('listing_id').where('listing_id', '=', demand).execute();
    expect(alerts).toHaveLength(3);
  });
});

describe('the migration of saved searches stored before it', () => {
  it('fills their filter columns from their query strings, so they keep alerting', async () => {
    await savedSearchFilters.down(market.db);
    const scout = people.scout!.userId;
    await market.db
      .insertInto('saved_searches')
      .values([
        { user_id: scout, name: 'old, met', query: 'q=nuoi+tom&kind=demand&sector=aquaculture_fisheries&trl_min=4' },
        { user_id: scout, name: 'old, not met', query: 'sector=textiles&trl_max=3' },
      ] as never)
      .execute();
    await savedSearchFilters.up(market.db);
    const row = await market.db.selectFrom('saved_searches').selectAll().where('name', '=', 'old, met').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ q: 'nuoi tom', kind: 'demand', sectors: ['aquaculture_fisheries'], trl_min: 4, trl_max: null, provinces: [] });
    expect(await alertSavedSearches(market.ctx, demand)).toBe(1);
    expect(await hitsOf('scout')).toContain('old, met');
    expect(await hitsOf('scout')).not.toContain('old, not met');
  });
});
