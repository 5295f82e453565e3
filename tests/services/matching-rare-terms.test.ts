// Words outside the vocabulary that two listings share, weighted by how rare they are in the
// market: an acronym or a Latin name ties a Vietnamese demand to an English offer, and the match
// says which words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { computeMatches } from '../../app/services/matching.server.js';
import { findCandidates } from '../../search/matching.js';
import { base, createOrganisation } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
const ids: Record<string, string> = {};

const listing = (kind: 'offer' | 'demand', title: string, summary: string, sectors: string[], language: string) => ({
  ...base,
  kind,
  title,
  summary,
  description: summary,
  sectors,
  trl: kind === 'offer' ? 7 : 5,
  ipStatus: kind === 'offer' ? 'know_how' : null,
  transferModes: ['technical_assistance'],
  language,
});

// Thirty-odd listings on other things: a market large enough to tell a rare word from a common one.
const TOPICS = [
  'rice straw mushroom cultivation', 'coffee roasting control', 'bamboo furniture finishing', 'school timetable software', 'hospital queue display',
  'cassava starch extraction', 'tea leaf withering', 'brick kiln fuel saving', 'textile dye fixing', 'garment cutting layout',
  'dairy cow feed ration', 'pepper vine nursery', 'rubber latex coagulation', 'cashew shelling machine', 'fish sauce fermentation',
  'seaweed drying rack', 'motorbike parts casting', 'ceramic glaze recipe', 'paper pulp bleaching', 'honey moisture reduction',
  'pig vaccine cold chain', 'durian ripeness sensing', 'lychee preservation', 'banana fibre spinning', 'cinnamon oil distillation',
  'dragon fruit grading', 'shrimp feed pellets', 'bus ticket validation', 'library book tracking', 'weather station network',
  'timber moisture metering', 'concrete curing blankets',
];

beforeAll(async () => {
  market = await createTestMarket();
  const lab = await createOrganisation(market.db, { slug: 'lab', name: 'Water Lab', type: 'institute', taxCode: '0100109106' });
  const others = await createOrganisation(market.db, { slug: 'others', name: 'Many Things', type: 'institute', taxCode: '0001000027' });
  const plant = await createOrganisation(market.db, { slug: 'plant', name: 'Nhà máy Dệt', type: 'enterprise', taxCode: '0001000034' });
  await importPublishedListings(market.ctx, others, TOPICS.map((t) => listing('offer', `Improved ${t}`, `A practical method for ${t} in small workshops.`, ['manufacturing_automation'], 'en')));
  ids.pfas = (await importPublishedListings(market.ctx, lab, [
    listing('offer', 'Adsorbent cartridges that strip PFAS from industrial effluent', 'Granular media regenerated on site; removes PFOA and PFOS below detection limits.', ['environment_water'], 'en'),
  ])).ids[0]!;
  ids.demand = (await importPublishedListings(market.ctx, plant, [
    listing('demand', 'Cần loại bỏ PFAS khỏi nước xả của xưởng nhuộm', 'Xưởng nhuộm vải cần giảm PFOS và PFOA trong nước xả trước khi ra sông.', ['textiles'], 'vi'),
  ])).ids[0]!;
  // A word only one other demand uses: the rarest word of the market.
  await importPublishedListings(market.ctx, plant, [listing('demand', 'Dust control on the Zzyzx salt flats', 'Zzyzx roads raise dust in the dry season.', ['environment_water'], 'en')]);
  await market.relay();
});
afterAll(() => market?.close());

describe('a rare word shared across languages', () => {
  it('brings the English offer to the Vietnamese demand, with the words as a reason', async () => {
    await computeMatches(market.ctx, ids.demand!, { announce: false });
    const rows = await market.db.selectFrom('matches').select(['offer_id', 'score', 'reasons']).where('demand_id', '=', ids.demand!).orderBy('score', 'desc').execute();
    expect(rows[0]?.offer_id).toBe(ids.pfas);
    const rare = (rows[0]!.reasons as { code: string; params: { terms?: string[] } }[]).find((r) => r.code === 'rare_terms');
    expect(rare?.params.terms).toEqual(expect.arrayContaining(['PFAS', 'PFOS', 'PFOA']));
  });
});

describe('rare words looking for candidates', () => {
  it('look one by one: a rarer word that only a listing of the same kind uses does not hide the others', async () => {
    // In one query the engine keeps the query's rarest word in every hit: "PFAS Zzyzx" found only the other demand.
    const probe = { id: ids.demand!, kind: 'demand' as const, title: '', keywords: [], sectors: [], language: 'vi' as const, translations: [], rareTerms: ['Zzyzx', 'PFAS'] };
    const candidates = await findCandidates(market.ctx.search, probe);
    expect(candidates.has(ids.pfas!)).toBe(true);
  });
});
