import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateListingInput } from '../../app/domain/listing-input.js';
import { SECTORS } from '../../app/domain/taxonomy.js';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { findListings } from '../../app/services/listings.server.js';
import { marketHeadlines } from '../../app/services/market-stats.server.js';
import { isSeeded, readSeedFiles } from '../../db/seed.js';
import { seedDemoDeals, seedDemoMarket, seedDemoVerifications } from '../../app/services/demo-market.server.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;

beforeAll(async () => {
  market = await createTestMarket();
});

afterAll(() => market?.close());

describe('demo data', () => {
  it('is a believable market: every listing passes the rules owners face', () => {
    const { organisations, listings } = readSeedFiles();
    expect(organisations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(organisations.map((o) => o.type))).toEqual(new Set(['enterprise', 'university', 'institute', 'agency']));
    expect(new Set(organisations.map((o) => o.province)).size).toBeGreaterThanOrEqual(4);
    expect(listings.length).toBeGreaterThanOrEqual(80);
    for (const l of listings) {
      const result = validateListingInput({
        ...l,
        ipStatus: l.ip_status,
        transferModes: l.transfer_modes,
        priceMin: l.price_min,
        priceMax: l.price_max,
        priceNegotiable: l.negotiable,
        confidentialDetails: l.confidential_details,
      });
      expect(result.ok ? null : result.errors, l.title).toBeNull();
    }
    for (const sector of SECTORS) expect(listings.some((l) => l.sectors.includes(sector)), sector).toBe(true);
    expect(new Set(listings.map((l) => l.language))).toEqual(new Set(['vi', 'en', 'fr']));
  });

  it('loads once, in one go, and becomes searchable', async () => {
    expect(await isSeeded(market.db)).toBe(false);
    const steps: number[] = [];
    const result = await seedDemoMarket(market.db, { onProgress: (done) => steps.push(done), hashPassword: async () => 'demo-hash' });
    expect(await isSeeded(market.db)).toBe(true);
    expect(steps.at(-1)).toBe(result.organisations + result.listings);
    await market.relay();
    const headlines = await marketHeadlines(market.ctx);
    expect(headlines.offers + headlines.demands).toBe(result.listings);
    const hits = await findListings(market.ctx, parseListingQuery(new URLSearchParams('q=nuoc thai')));
    expect(hits.total).toBeGreaterThanOrEqual(5);
    const top = hits.cards.slice(0, 5).map((c) => `${c.title} ${c.summary}`);
    for (const text of top) expect(text).toMatch(/nước thải|wastewater|waste water/i);
  });

  it('shows a deal at each stage: awaiting an answer, negotiating, agreed, signed and paid, completed, declined, introduced', async () => {
    expect(await seedDemoDeals(market.ctx)).toBe(7);
    const stages = await market.db.selectFrom('deals').select('stage').execute();
    expect(stages.map((s) => s.stage).sort()).toEqual(['agreed', 'agreed', 'agreed', 'declined', 'inquiry', 'introduced', 'negotiating']);
    const contracts = await market.db.selectFrom('contracts').select('stage').execute();
    expect(contracts.map((c) => c.stage).sort()).toEqual(['completed', 'draft', 'signed']);
    const milestones = await market.db.selectFrom('milestones').select('stage').execute();
    expect(milestones.map((m) => m.stage).sort()).toEqual(['accepted', 'accepted', 'due', 'paid']);
    // The completed deal carries both sides' reviews, so the organisation pages show them.
    expect((await market.db.selectFrom('reviews').select('rating').orderBy('rating').execute()).map((r) => r.rating)).toEqual([4, 5]);
    const negotiating = await market.db.selectFrom('deals').select('id').where('stage', '=', 'negotiating').executeTakeFirstOrThrow();
    const sheets = await market.db.selectFrom('term_sheets').select('version').where('deal_id', '=', negotiating.id).execute();
    expect(sheets).toHaveLength(2);
    expect(await market.db.selectFrom('emails').select('id').where('sent_at', 'is', null).execute()).toEqual([]);
  });

  it('shows an organisation verified on its evidence and one request waiting for a curator', async () => {
    expect(await seedDemoVerifications(market.ctx)).toBe(2);
    const requests = await market.db
      .selectFrom('verification_requests as v')
      .innerJoin('organisations as o', 'o.id', 'v.organisation_id')
      .select(['o.slug', 'v.state', 'v.checks', 'o.verified_at'])
      .orderBy('o.slug')
      .execute();
    expect(requests.map((r) => [r.slug, r.state, r.checks.length, r.verified_at !== null])).toEqual([
      ['hbk', 'verified', 3, true],
      ['hongphat', 'pending', 0, false],
    ]);
  });
});
