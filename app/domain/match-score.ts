// How well an offer fits a demand, 0–100, and why — in words a person can check.
// Weights and their reasons: docs/decisions/008-match-scoring.md. Pure: no I/O.
import { conceptTerm, conceptWords, conceptsIn } from './concepts.js';
import { foldDiacritics } from './listing.js';
import { distinctiveTerms, sharedRareTerms, type TermRarity } from './market-terms.js';

export interface MatchSide {
  title: string;
  summary: string;
  description: string;
  innovation: string;
  keywords: readonly string[];
  sectors: readonly string[];
  trl: number;
  transferModes: readonly string[];
  priceMin: number | null;
  priceMax: number | null;
  province: string;
  /** An anonymous side's province stays out of scores and reasons: shown to the other side it would help name the owner. */
  anonymous?: boolean;
  /** The concepts of the side's text, when the caller already has them (conceptsIn). */
  concepts?: ReadonlySet<number>;
  /** The distinctive words of the side's text, when the caller already has them (distinctiveTerms). */
  terms?: ReadonlyMap<string, string>;
}

export type MatchReason =
  | { code: 'shared_terms'; params: { vi: string[]; en: string[] } }
  | { code: 'rare_terms'; params: { terms: string[] } }
  | { code: 'same_sector'; params: { sectors: string[] } }
  | { code: 'trl_fit'; params: { offer: number; demand: number } }
  | { code: 'trl_below'; params: { offer: number; demand: number } }
  | { code: 'shared_modes'; params: { modes: string[] } }
  | { code: 'price_within_budget'; params: { price: number; budget: number } }
  | { code: 'price_above_budget'; params: { price: number; budget: number } }
  | { code: 'same_province'; params: { province: string } };

export const MATCH_WEIGHTS = {
  text: 0.4,
  sector: 0.2,
  trl: 0.15,
  mode: 0.1,
  price: 0.1,
  province: 0.05,
} as const;

/** Shared rare words weighing this much (two very rare ones) are as telling as three shared concepts. */
export const RARE_WEIGHT_FOR_FULL_FIT = 2;

/** A match this strong is announced to both sides. */
export const STRONG_MATCH = 70;
/** Below this a pair is not worth showing. */
export const MIN_MATCH = 30;

export interface MatchComponents {
  text: number;
  sector: number;
  trl: number;
  mode: number;
  price: number;
  province: number;
}

export interface ScoredMatch {
  score: number;
  components: MatchComponents;
  reasons: MatchReason[];
}

export const matchText = (s: Omit<MatchSide, 'concepts' | 'terms'>) => `${s.title} ${s.keywords.join(' ')} ${s.summary} ${s.innovation} ${s.description}`;

/** Concepts both texts mention (in either language), plus keywords both owners chose. */
export function sharedTerms(demand: MatchSide, offer: MatchSide): { vi: string[]; en: string[]; count: number; concepts: number[] } {
  const a = demand.concepts ?? conceptsIn(matchText(demand));
  const b = offer.concepts ?? conceptsIn(matchText(offer));
  const vi: string[] = [];
  const en: string[] = [];
  const concepts: number[] = [];
  for (const c of a) {
    if (!b.has(c)) continue;
    concepts.push(c);
    const term = conceptTerm(c);
    // General words (technology, system, process…) say nothing about fit.
    if (term && term.sectors.length > 0) {
      vi.push(term.vi);
      en.push(term.en);
    }
  }
  const offerKeywords = new Set(offer.keywords.map((k) => foldDiacritics(k.trim())));
  for (const k of demand.keywords) {
    const folded = foldDiacritics(k.trim());
    if (folded && offerKeywords.has(folded) && !vi.some((t) => foldDiacritics(t) === folded) && !en.includes(folded)) {
      vi.push(k.trim());
      en.push(k.trim());
    }
  }
  return { vi, en, count: vi.length, concepts };
}

/** The price an offer asks and the budget a demand has, as single figures (null: not stated). */
const askingPrice = (o: MatchSide) => o.priceMin ?? o.priceMax;
const budget = (d: MatchSide) => d.priceMax ?? d.priceMin;

/** No market word counts: every shared word is as common as can be, so none counts. */
const NO_RARITY: TermRarity = { listings: 0, listingsWith: () => Number.MAX_SAFE_INTEGER };

/**
 * Scores a pair. `textRelevance` (0–1) is the search engine's ranking score of the offer for
 * the demand's text (or back); concepts shared across languages, and words both use that are
 * rare in the market (`rarity`), count beside it.
 */
export function scoreMatch(demand: MatchSide, offer: MatchSide, textRelevance: number, rarity: TermRarity = NO_RARITY): ScoredMatch {
  const reasons: MatchReason[] = [];

  const terms = sharedTerms(demand, offer);
  const conceptFit = Math.min(1, terms.count / 3);
  if (terms.count > 0) reasons.push({ code: 'shared_terms', params: { vi: terms.vi.slice(0, 6), en: terms.en.slice(0, 6) } });
  // A word that is part of a shared concept ("maize" of the concept maize) is already counted.
  const rare = sharedRareTerms(demand.terms ?? distinctiveTerms(matchText(demand)), offer.terms ?? distinctiveTerms(matchText(offer)), rarity, conceptWords(terms.concepts));
  const rareFit = Math.min(1, rare.weight / RARE_WEIGHT_FOR_FULL_FIT);
  if (rare.terms.length > 0) reasons.push({ code: 'rare_terms', params: { terms: rare.terms.slice(0, 6) } });
  // Either kind of evidence may carry the pair; both together more (a noisy or).
  const evidence = 1 - (1 - conceptFit) * (1 - rareFit);
  const text = 0.5 * clamp(textRelevance) + 0.5 * evidence;

  const commonSectors = demand.sectors.filter((s) => offer.sectors.includes(s));
  const sector = commonSectors.length > 0 ? 1 : 0;
  if (sector) reasons.push({ code: 'same_sector', params: { sectors: commonSectors } });

  const gap = demand.trl - offer.trl;
  const trl = gap <= 0 ? 1 : Math.max(0, 1 - gap / 4);
  reasons.push({ code: gap <= 0 ? 'trl_fit' : 'trl_below', params: { offer: offer.trl, demand: demand.trl } });

  const commonModes = demand.transferModes.filter((m) => offer.transferModes.includes(m));
  const mode = commonModes.length > 0 ? 1 : 0;
  if (mode) reasons.push({ code: 'shared_modes', params: { modes: commonModes } });

  const price = askingPrice(offer);
  const money = budget(demand);
  let priceFit = 0.5; // one side did not say: neither a plus nor a minus
  if (price !== null && money !== null) {
    priceFit = price <= money ? 1 : Math.max(0, 1 - (price - money) / Math.max(money, 1));
    reasons.push({ code: price <= money ? 'price_within_budget' : 'price_above_budget', params: { price, budget: money } });
  }

  const province = !demand.anonymous && !offer.anonymous && demand.province === offer.province ? 1 : 0;
  if (province) reasons.push({ code: 'same_province', params: { province: demand.province } });

  const components: MatchComponents = { text, sector, trl, mode, price: priceFit, province };
  const w = MATCH_WEIGHTS;
  const structure = w.sector * sector + w.trl * trl + w.mode * mode + w.price * priceFit + w.province * province;
  // Structure counts in full only as far as the texts agree: two listings in one sector with
  // nothing in common are not a match. Still monotone in every component.
  const raw = w.text * text + structure * (0.5 + 0.5 * text);
  return { score: strongOnlyWithEvidence(Math.round(100 * clamp(raw)), evidence), components, reasons };
}

/**
 * A strong match is announced to both sides, so it needs the texts to agree on what is needed,
 * not only a sector, a TRL and words the engine found close: two field concepts in common, or
 * rare words weighing as much. Short of that a pair stays below strong, the less evidence the
 * lower, so the order among such pairs still follows their evidence.
 */
export const STRONG_NEEDS_EVIDENCE = 0.5;

function strongOnlyWithEvidence(score: number, evidence: number): number {
  if (score < STRONG_MATCH || evidence >= STRONG_NEEDS_EVIDENCE) return score;
  return Math.min(score, STRONG_MATCH - 1 - Math.floor((STRONG_NEEDS_EVIDENCE - evidence) * 10));
}

/** The reasons either side may read: none names the province when one side is anonymous. */
export function publicReasons(reasons: readonly MatchReason[], anyAnonymous: boolean): MatchReason[] {
  return anyAnonymous ? reasons.filter((r) => r.code !== 'same_province') : [...reasons];
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
