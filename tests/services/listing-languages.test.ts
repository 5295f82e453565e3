// A listing in any of the market's languages: its language detected when its owner leaves it to
// the market, its text indexed with its own language's locale and found by a search in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { detectListingLanguage } from '../../app/services/listing-language.server.js';
import { emptyQuery, findListings } from '../../app/services/listings.server.js';
import { base, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let org: string;

const offer = (title: string, summary: string, language: string | null) => ({
  ...base,
  kind: 'offer',
  title,
  summary,
  description: summary,
  sectors: ['agrifood'],
  trl: 7,
  ipStatus: 'know_how',
  transferModes: ['technical_assistance'],
  language,
});

beforeAll(async () => {
  market = await createTestMarket();
  org = await createOrganisation(market.db, { slug: 'iita', name: 'Institut de recherche', type: 'institute', taxCode: '0100109106' });
});
afterAll(() => market?.close());

describe('a listing’s language', () => {
  it('is detected from the text among the market’s listing languages', () => {
    const text = (title: string, summary: string) => ({ title, summary, description: '' });
    expect(detectListingLanguage(text('Séchoir solaire pour le manioc', 'Un séchoir à énergie solaire qui réduit les pertes après la récolte du manioc et du maïs.'))).toBe('fr');
    expect(detectListingLanguage(text('Máy sấy năng lượng mặt trời', 'Giảm tổn thất sau thu hoạch cho sắn và ngô của hợp tác xã.'))).toBe('vi');
    expect(detectListingLanguage(text('Solar dryer for cassava', 'A solar-powered dryer that cuts post-harvest losses of cassava and maize.'))).toBe('en');
    expect(detectListingLanguage(text('Secador solar para yuca', 'Un secador con energía solar que reduce las pérdidas poscosecha de la yuca y el maíz.'))).toBe('es');
    // Too short for trigrams: Vietnamese by its letters, else English.
    expect(detectListingLanguage(text('Nước sạch', ''))).toBe('vi');
  });

  it('is stored as detected when the owner does not give it, and kept when they do', async () => {
    const { ids } = await importPublishedListings(market.ctx, org, [
      offer('Séchoir solaire pour le manioc', 'Un séchoir à énergie solaire qui réduit les pertes après la récolte du manioc et du maïs.', null),
      offer('Traitement des eaux usées', 'Une station compacte qui épure les eaux usées des abattoirs de volaille.', 'en'),
    ]);
    const rows = await market.db.selectFrom('listings').select(['id', 'language']).where('id', 'in', ids).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.language]))).toEqual({ [ids[0]!]: 'fr', [ids[1]!]: 'en' });
  });
});

describe('a French listing in the index', () => {
  it('is indexed under French fields with the French locale, found by a French search, its card and highlight intact', async () => {
    const { ids } = await importPublishedListings(market.ctx, org, [
      offer('Fumoir amélioré pour le poisson', 'Un four de fumage à faible émission de fumée pour les transformatrices de poisson.', 'fr'),
    ]);
    await market.relay();
    const settings = await market.search.listings().getSettings();
    expect(settings.localizedAttributes).toEqual(expect.arrayContaining([expect.objectContaining({ attributePatterns: expect.arrayContaining(['title_fr']), locales: ['fra'] })]));
    const doc = await market.search.listings().getDocument(ids[0]!);
    expect(doc.title_fr).toBe('Fumoir amélioré pour le poisson');
    expect(doc.title).toBeUndefined();

    const { cards } = await findListings(market.ctx, emptyQuery({ q: 'fumage du poisson' }));
    const card = cards.find((c) => c.id === ids[0]);
    expect(card?.title).toBe('Fumoir amélioré pour le poisson');
    expect(card?.language).toBe('fr');
    expect(card?.highlight?.summary).toMatch(/fumage/);
  });

  it('is refused in a language the market does not list, with the field named', async () => {
    await expect(importPublishedListings(market.ctx, org, [offer('Sonnenkollektor', 'Ein Kollektor für warmes Wasser in Hotels.', 'xx')])).rejects.toMatchObject({ fieldErrors: { '0.language': [expect.objectContaining({ code: 'choose_language' })] } });
  });
});
