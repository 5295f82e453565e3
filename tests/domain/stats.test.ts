// The statistics' pure parts: the query read from a URL and written back, the rules for the public
// (cells under 3 hidden, a value hidden when fewer than 3 contracts make it), and the sector gaps.
import { describe, expect, it } from 'vitest';
import { conversion, emptyFunnelRow, gapOf, publicCount, publicFunnelRow, publicSupplyDemand } from '../../app/domain/market-stats.js';
import { DEFAULT_STATS_QUERY, parseStatsQuery, statsSearchParams } from '../../app/domain/stats-query.js';
import { agencyTable, publicTable, tableRecords } from '../../app/domain/stats-tables.js';

const parse = (qs: string) => parseStatsQuery(new URLSearchParams(qs));

describe('the statistics query', () => {
  it('reads every filter, blanks as none, and writes the same view back as a link', () => {
    const q = parse('sector=agrifood&province=can-tho&organisationType=university&period=quarter&from=2026-01-01&to=2026-03-31&unknown=1');
    expect(q).toEqual({ ok: true, query: { sector: 'agrifood', province: 'can-tho', organisationType: 'university', period: 'quarter', from: '2026-01-01', to: '2026-03-31' } });
    expect(statsSearchParams(q.ok ? q.query : DEFAULT_STATS_QUERY).toString()).toBe('sector=agrifood&province=can-tho&organisationType=university&period=quarter&from=2026-01-01&to=2026-03-31');
    expect(parse('sector=&province=&period=')).toEqual({ ok: true, query: DEFAULT_STATS_QUERY });
    expect(statsSearchParams(DEFAULT_STATS_QUERY).toString()).toBe('');
  });

  it('names each wrong parameter: a value not in the list, a date that does not exist, a range backwards', () => {
    expect(parse('sector=bananas&period=week&organisationType=bank')).toEqual({ ok: false, errors: { sector: 'invalid_value', period: 'invalid_value', organisationType: 'invalid_value' } });
    expect(parse('from=2026-02-30')).toEqual({ ok: false, errors: { from: 'invalid_date' } });
    expect(parse('to=31/03/2026')).toEqual({ ok: false, errors: { to: 'invalid_date' } });
    expect(parse('from=2026-04-01&to=2026-03-01')).toEqual({ ok: false, errors: { to: 'range_reversed' } });
    expect(parse('province=atlantis')).toEqual({ ok: false, errors: { province: 'invalid_value' } });
  });
});

describe('what the public may see', () => {
  it('hides any count under 3, zero included', () => {
    expect([0, 1, 2, 3, 40].map(publicCount)).toEqual([null, null, null, 3, 40]);
  });

  it('hides a value made by fewer than 3 contracts, even when the counts show', () => {
    const row = { ...emptyFunnelRow('agrifood'), published: 12, interests: 7, negotiations: 4, agreed: 3, signed: 2, completed: 1, valueSigned: 900_000_000, valuePaid: 300_000_000, paidContracts: 1 };
    expect(publicFunnelRow(row)).toEqual({ key: 'agrifood', published: 12, interests: 7, negotiations: 4, agreed: 3, signed: null, completed: null, valueSigned: null, valuePaid: null });
    expect(publicFunnelRow({ ...row, signed: 3, paidContracts: 3 })).toMatchObject({ signed: 3, valueSigned: 900_000_000, valuePaid: 300_000_000 });
  });

  it('keeps a sector’s gap while hiding its small counts', () => {
    expect(publicSupplyDemand([{ sector: 'agrifood', offers: 1, demands: 6, gap: 'few_offers' }])).toEqual([{ sector: 'agrifood', offers: null, demands: 6, gap: 'few_offers' }]);
  });
});

describe('the sector gaps and the funnel’s conversion', () => {
  it('calls a gap at twice as many on one side, with at least 3 there', () => {
    expect(gapOf(2, 4)).toBe('few_offers');
    expect(gapOf(3, 5)).toBe('balanced');
    expect(gapOf(0, 2)).toBe('balanced');
    expect(gapOf(6, 3)).toBe('few_demands');
    expect(gapOf(0, 0)).toBe('balanced');
  });

  it('converts from the step before, and says nothing when that step is empty', () => {
    expect(conversion(8, 2)).toBe(0.25);
    expect(conversion(0, 0)).toBeNull();
  });

  it('writes the public funnel table with hidden steps as null, never a share computed from a hidden count', () => {
    const stats = {
      query: DEFAULT_STATS_QUERY,
      refreshedAt: null,
      funnel: { ...emptyFunnelRow(''), published: 10, interests: 4, negotiations: 2 },
      publishedBy: { review: 0, import: 0, seed: 0 },
      bySector: [],
      byProvince: [],
      byOrganisationType: [],
      byPeriod: [],
      responseTimes: { interests: 0, answered: 0, answeredInTime: 0, shareInTime: null, medianAnswerDays: null, p90AnswerDays: null, medianAgreementDays: null },
      supplyDemand: [],
      upkeep: { staleListings: 0, reviewQueue: 0, oldestReviewDays: null, medianReviewDays: null, dealsOverdue: 0, milestonesOverdue: 0 },
      headlines: { offers: 0, demands: 0, organisations: 0 },
    };
    const namer = () => 'x';
    expect(tableRecords(publicTable(stats, 'funnel', namer)).slice(0, 3)).toEqual([
      { step: 'published', count: 10, conversion_from_previous: null },
      { step: 'interests', count: 4, conversion_from_previous: 0.4 },
      { step: 'negotiations', count: null, conversion_from_previous: null },
    ]);
    expect(tableRecords(agencyTable(stats, 'funnel', namer))[2]).toEqual({ step: 'negotiations', count: 2, conversion_from_previous: 0.5 });
  });
});
