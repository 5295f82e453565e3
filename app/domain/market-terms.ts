// The words of a listing that can tie it to another beyond the vocabulary: acronyms (PFAS, WSSV),
// Latin names (Vibrio parahaemolyticus), product and chemical names — the same in every language
// — and any other word two listings share. Each counts by how rare it is in the market: a word
// most listings use says nothing, a word three listings use says a lot. Pure: the market's word
// counts come from the caller (app/services/term-rarity.server.ts).
import { WORD, foldDiacritics } from './listing.js';

export interface TermRarity {
  /** Published listings in the market. */
  listings: number;
  /** How many of them use the (folded) word; unknown words count as used by this pair only. */
  listingsWith(term: string): number;
}

/** A word is rare when at most √N of the N listings use it (r ≥ ½ below). */
const RARE_FROM = 0.5;
/** Below this many listings no word is known to be rare: every word is one of a few. */
export const RARITY_FROM_LISTINGS = 30;

/**
 * Grammar words of the market's main languages (folded): in a small market they are as rare as
 * any term, and they say nothing about fit. Vietnamese ones are single syllables that carry no
 * subject on their own (sau, tại, làm, giảm…).
 */
const GRAMMAR_WORDS = new Set(
  [
    // Vietnamese
    'cac cua cho voi trong duoc nhung nay mot khong nguoi nhieu sau truoc tai lam thay vao len xuong dang hoac nen neu khi thi bang qua den nhu hon rat cung chi deu moi hay dung can viec nham giup cao thap lon nho tot nhat nhanh cach duoi tren giua ngoai rieng chung hien phan loai muc nao day kia bao gom tung giam tang thu nhan dua tao tinh theo ung hieu',
    // English
    'the and for with from that this which are was were has have had not but can its their into than then also more most less such other these those use used using based new low high below above over under per each all any both between within without about after before while where when how what who our your they them will would may out one two three via well very only same like including through during against among there here upon could should',
    // French
    'les des une dans sur pour par avec sans aux est sont qui que quoi dont cette ces son ses leur leurs plus moins tres tout tous toute toutes entre apres avant pendant sous chez comme mais donc car ainsi aussi etre avoir fait faire peut permet selon lors afin elle ils elles nous vous meme autres autre deux trois grande grand grands petit petite petits nouveau nouvelle bien encore',
  ].join(' ').split(' '),
);

/** A listing's distinctive words, folded (no diacritics, lower case), each with its first written form. */
export function distinctiveTerms(text: string): Map<string, string> {
  const written = text.normalize('NFC').match(WORD) ?? [];
  // Folding the whole text at once is much cheaper than word by word; it keeps word boundaries
  // (the rare text where it does not is folded word by word).
  let folded: readonly string[] = foldDiacritics(text).match(WORD) ?? [];
  if (folded.length !== written.length) folded = written.map(foldDiacritics);
  const terms = new Map<string, string>();
  for (let i = 0; i < folded.length; i += 1) {
    const word = folded[i]!;
    // Short words are grammar in every language (de, le, và, of); numbers alone are quantities.
    if (word.length < 3 && !/\d/.test(word)) continue;
    if (/^\d+$/.test(word) || GRAMMAR_WORDS.has(word)) continue;
    if (!terms.has(word)) terms.set(word, written[i]!);
  }
  return terms;
}

/** How much a word shared by two listings says, 0 (common) to 1 (only these two use it). */
export function rarityWeight(term: string, rarity: TermRarity): number {
  if (rarity.listings < RARITY_FROM_LISTINGS) return 0;
  const n = rarity.listings;
  const df = Math.max(2, rarity.listingsWith(term));
  const r = Math.log(n / df) / Math.log(n);
  return r <= RARE_FROM ? 0 : Math.min(1, (r - RARE_FROM) / (1 - RARE_FROM));
}

export interface SharedRareTerms {
  /** As the demand wrote them, rarest first. */
  terms: string[];
  /** The sum of their weights. */
  weight: number;
}

export function sharedRareTerms(
  demand: ReadonlyMap<string, string>,
  offer: ReadonlyMap<string, string>,
  rarity: TermRarity,
  /** Folded words that count elsewhere (those of shared concepts). */
  except: ReadonlySet<string> = new Set(),
): SharedRareTerms {
  const shared: [string, number][] = [];
  for (const [folded, written] of demand) {
    if (!offer.has(folded) || except.has(folded)) continue;
    const w = rarityWeight(folded, rarity);
    if (w > 0) shared.push([written, w]);
  }
  shared.sort((a, b) => b[1] - a[1]);
  return { terms: shared.map(([t]) => t), weight: shared.reduce((s, [, w]) => s + w, 0) };
}

/** A listing's rarest words, for finding candidates that share them. */
export function rarestTerms(terms: ReadonlyMap<string, string>, rarity: TermRarity, n: number): string[] {
  return [...terms.keys()]
    .map((t) => [t, rarityWeight(t, rarity)] as const)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([t]) => terms.get(t)!);
}
