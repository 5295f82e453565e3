import { describe, expect, it } from 'vitest';
import { conceptsIn } from '../../app/domain/concepts.js';
import { MATCH_WEIGHTS, scoreMatch, type MatchSide } from '../../app/domain/match-score.js';

const demand: MatchSide = {
  title: 'Cần công nghệ xử lý nước thải nuôi tôm',
  summary: 'Trang trại cần hệ thống xử lý nước thải ao nuôi tôm để tuần hoàn nước.',
  description: '',
  innovation: '',
  keywords: ['nuôi tôm'],
  sectors: ['environment_water', 'aquaculture_fisheries'],
  trl: 6,
  transferModes: ['turnkey', 'technical_assistance'],
  priceMin: null,
  priceMax: 2_000_000_000,
  province: 'ca-mau',
};

const offer: MatchSide = {
  title: 'Wastewater treatment for shrimp farming with a membrane bioreactor',
  summary: 'A compact wastewater treatment unit that lets shrimp farms recirculate water.',
  description: '',
  innovation: '',
  keywords: ['shrimp farming'],
  sectors: ['environment_water'],
  trl: 7,
  transferModes: ['turnkey'],
  priceMin: 1_500_000_000,
  priceMax: 1_800_000_000,
  province: 'ca-mau',
};

const codes = (s: ReturnType<typeof scoreMatch>) => s.reasons.map((r) => r.code).sort();

describe('the vocabulary', () => {
  it('finds the same concept in Vietnamese and English', () => {
    const vi = conceptsIn('hệ thống xử lý nước thải cho ao nuôi tôm');
    const en = conceptsIn('a wastewater treatment system for shrimp farming ponds');
    expect([...vi].filter((c) => en.has(c)).length).toBeGreaterThanOrEqual(1);
  });

  it('counts a phrase inside a longer one only as the longer one', () => {
    const [leadAcid, battery] = [conceptsIn('lead-acid battery'), conceptsIn('battery')];
    expect(leadAcid.size).toBe(1);
    expect(battery.size).toBe(1);
    const recycler = conceptsIn('Recycling spent lithium-ion batteries');
    const demand = conceptsIn('Clean recycling of used lead-acid batteries from motorbikes');
    // They share recycling only: not also "battery" by the word inside "lead-acid battery".
    expect([...demand].filter((c) => recycler.has(c))).toEqual([...conceptsIn('recycling')]);
    expect(demand.has([...battery][0]!)).toBe(false);
    // Said on its own elsewhere, the shorter phrase counts.
    expect(conceptsIn('lead-acid battery recycling, and every other battery too').has([...battery][0]!)).toBe(true);
  });

  it('does not find a concept in unrelated text', () => {
    expect(conceptsIn('hội thảo văn hóa dân gian').size).toBe(0);
  });
});

describe('scoreMatch', () => {
  it('gives a strong score with every reason to a fitting cross-language pair', () => {
    const s = scoreMatch(demand, offer, 0.6);
    expect(s.score).toBeGreaterThanOrEqual(70);
    expect(codes(s)).toEqual(['price_within_budget', 'same_province', 'same_sector', 'shared_modes', 'shared_terms', 'trl_fit']);
    const shared = s.reasons.find((r) => r.code === 'shared_terms')!;
    expect(shared.params.en.join(' ')).toMatch(/wastewater|shrimp/);
  });

  it('is never strong when the texts share less than two field concepts or rare words as telling', () => {
    // Everything else fits, and the engine found the words close.
    const alike: MatchSide = { ...offer, title: 'Cold rooms for the frozen exports of shrimp farming cooperatives', summary: 'Keeps export cargo at minus twenty degrees.', keywords: [] };
    const s = scoreMatch(demand, alike, 1);
    expect(s.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['same_sector', 'shared_terms']));
    expect(s.score).toBeLessThan(70);
    expect(s.score).toBeGreaterThanOrEqual(60);
  });

  it('states each reason only when it holds', () => {
    const other: MatchSide = { ...offer, title: 'Phần mềm kế toán', summary: 'Quản lý sổ sách.', keywords: [], sectors: ['ict'], trl: 3, transferModes: ['licence_exclusive'], priceMin: 5_000_000_000, priceMax: null, province: 'ha-noi' };
    const s = scoreMatch(demand, other, 0);
    expect(codes(s)).toEqual(['price_above_budget', 'trl_below']);
    const unstated = scoreMatch({ ...demand, priceMax: null }, { ...offer, priceMin: null, priceMax: null }, 0.5);
    expect(codes(unstated)).not.toContain('price_within_budget');
    expect(codes(unstated)).not.toContain('price_above_budget');
  });

  it('is low for a pair that shares a sector and nothing else', () => {
    const unrelated: MatchSide = { ...offer, title: 'Cảm biến đo mực nước sông', summary: 'Trạm quan trắc mực nước cho cảnh báo lũ.', keywords: [], transferModes: ['licence_exclusive'] };
    expect(scoreMatch(demand, unrelated, 0.05).score).toBeLessThan(50);
  });

  it('never falls when any one fit gets better', () => {
    const base = scoreMatch(demand, { ...offer, trl: 4, priceMin: 3_000_000_000, province: 'ha-noi', transferModes: ['assignment'], sectors: ['ict'] }, 0.2).score;
    const better: [string, MatchSide, number][] = [
      ['trl', { ...offer, trl: 5, priceMin: 3_000_000_000, province: 'ha-noi', transferModes: ['assignment'], sectors: ['ict'] }, 0.2],
      ['price', { ...offer, trl: 4, priceMin: 2_500_000_000, province: 'ha-noi', transferModes: ['assignment'], sectors: ['ict'] }, 0.2],
      ['province', { ...offer, trl: 4, priceMin: 3_000_000_000, province: 'ca-mau', transferModes: ['assignment'], sectors: ['ict'] }, 0.2],
      ['mode', { ...offer, trl: 4, priceMin: 3_000_000_000, province: 'ha-noi', transferModes: ['turnkey'], sectors: ['ict'] }, 0.2],
      ['sector', { ...offer, trl: 4, priceMin: 3_000_000_000, province: 'ha-noi', transferModes: ['assignment'], sectors: ['environment_water'] }, 0.2],
      ['text', { ...offer, trl: 4, priceMin: 3_000_000_000, province: 'ha-noi', transferModes: ['assignment'], sectors: ['ict'] }, 0.9],
    ];
    for (const [what, o, relevance] of better) expect(scoreMatch(demand, o, relevance).score, what).toBeGreaterThan(base);
    for (let trl = 1; trl < 9; trl += 1) {
      expect(scoreMatch(demand, { ...offer, trl: trl + 1 }, 0.5).score).toBeGreaterThanOrEqual(scoreMatch(demand, { ...offer, trl }, 0.5).score);
    }
  });

  it('keeps its weights summing to one and its score within 0–100', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(scoreMatch(demand, offer, 1).score).toBeLessThanOrEqual(100);
    expect(scoreMatch(demand, offer, Number.NaN).score).toBeGreaterThanOrEqual(0);
  });
});

describe('short words', () => {
  it('do not count as concepts: Vietnamese "ai" means "who"', () => {
    expect(conceptsIn('ai cũng có thể dùng')).toEqual(new Set());
    expect(conceptsIn('trí tuệ nhân tạo').size).toBe(1);
  });
});
