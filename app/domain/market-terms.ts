// The words of a listing that can tie it to another beyond the vocabulary: acronyms (PFAS, WSSV),
// Latin names (Vibrio parahaemolyticus), product and chemical names — the same in every language
// — and any other word two listings share. Each counts by how rare it is in the market: a word
// most listings use says nothing, a word three listings use says a lot. Pure: the market's word
// counts come from the caller (app/services/term-rarity.server.ts).
import { foldDiacritics } from './listing.js';

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

const TOKEN = /[\p{L}\p{N}]+/gu;

/** A listing's distinctive words, folded (no diacritics, lower case), each with its first written form. */
export function distinctiveTerms(text: string): Map<string, string> {
  const written = text.normalize('NFC').match(TOKEN) ?? [];
  // Folding the whole text at once is much cheaper than word by word; it keeps word boundaries
  // (the rare text where it does not is folded word by word).
  let folded: readonly string[] = foldDiacritics(text).match(TOKEN) ?? [];
  if (folded.length !== written.length) folded = written.map(foldDiacritics);
  const terms = new Map<string, string>();
  for (let i = 0; i < folded.length; i += 1) {
    const word = folded[i]!;
    // Short words are grammar in every language (de, le, và, of); numbers alone are quantities.
    if (word.length < 3 && !/\d/.test(word)) continue;
    if (/^\d+$/.test(word)) continue;
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

export function sharedRareTerms(demand: ReadonlyMap<string, string>, offer: ReadonlyMap<string, string>, rarity: TermRarity): SharedRareTerms {
  const shared: [string, number][] = [];
  for (const [folded, written] of demand) {
    if (!offer.has(folded)) continue;
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
