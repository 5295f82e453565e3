import { describe, expect, it } from 'vitest';
import { scoreMatch } from '../../app/domain/match-score.js';
import { distinctiveTerms, rarestTerms, rarityWeight, sharedRareTerms, type TermRarity } from '../../app/domain/market-terms.js';

/** A market of 1,000 listings where each word is used by the listings given (others: by many). */
const market = (counts: Record<string, number>, listings = 1000): TermRarity => ({ listings, listingsWith: (t) => counts[t] ?? 400 });

describe('a listing’s distinctive words', () => {
  it('are folded, keep their written form, and leave out grammar words and bare numbers', () => {
    const terms = distinctiveTerms('Xử lý PFAS trong nước thải: 2024, de la méthode, CO2 và Vibrio parahaemolyticus');
    expect(terms.get('pfas')).toBe('PFAS');
    expect(terms.get('nuoc')).toBe('nước');
    expect(terms.get('co2')).toBe('CO2');
    expect(terms.get('parahaemolyticus')).toBe('parahaemolyticus');
    expect(terms.has('2024')).toBe(false);
    expect(terms.has('de')).toBe(false);
    expect(terms.has('la')).toBe(false);
    expect(distinctiveTerms('dans les huîtres, sau thu hoạch').has('dans')).toBe(false);
    expect(distinctiveTerms('dans les huîtres, sau thu hoạch').has('sau')).toBe(false);
  });
});

describe('the weight of a shared word', () => {
  it('grows as fewer listings of the market use it, and is nothing for a common word', () => {
    const m = market({ pfas: 3, membrane: 30, water: 300 });
    expect(rarityWeight('pfas', m)).toBeGreaterThan(rarityWeight('membrane', m));
    expect(rarityWeight('membrane', m)).toBeGreaterThan(0);
    expect(rarityWeight('water', m)).toBe(0);
  });

  it('is nothing in a market too small to tell a rare word from a common one', () => {
    expect(rarityWeight('pfas', market({ pfas: 2 }, 12))).toBe(0);
  });

  it('adds up over the words two listings share, rarest first, as the demand wrote them', () => {
    const m = market({ pfas: 3, vibrio: 5 });
    const shared = sharedRareTerms(distinctiveTerms('Loại bỏ PFAS và Vibrio khỏi nước'), distinctiveTerms('PFAS removal; vibrio control for water'), m);
    expect(shared.terms).toEqual(['PFAS', 'Vibrio']);
    expect(shared.weight).toBeCloseTo(rarityWeight('pfas', m) + rarityWeight('vibrio', m));
  });

  it('do not count again a word of a concept the two share (maize is one piece of evidence, not two)', () => {
    const demand = { title: 'Aflatoxin tests for maize traders', summary: '', description: '', innovation: '', keywords: [], sectors: ['agrifood'], trl: 6, transferModes: ['turnkey'], priceMin: null, priceMax: null, province: 'ha-noi' };
    const offer = { ...demand, title: 'Grease on the maize whorl against fall armyworm' };
    const m = market({ maize: 4 });
    expect(sharedRareTerms(distinctiveTerms(demand.title), distinctiveTerms(offer.title), m).terms).toEqual(['maize']);
    const scored = scoreMatch(demand, offer, 0.5, m);
    expect(scored.reasons.find((r) => r.code === 'shared_terms')?.params).toMatchObject({ en: ['maize'] });
    expect(scored.reasons.find((r) => r.code === 'rare_terms')).toBeUndefined();
  });

  it('picks a listing’s rarest words to look for candidates with', () => {
    expect(rarestTerms(distinctiveTerms('Vibrio and PFAS in shrimp water'), market({ pfas: 2, vibrio: 8, shrimp: 20 }), 2)).toEqual(['PFAS', 'Vibrio']);
  });
});
