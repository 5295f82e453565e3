// Technology concepts found in a text, the same whether it is written in Vietnamese, English or
// French: each vocabulary term (and its alternatives, in any of the three) stands for one concept.
import { VOCABULARY, type VocabularyTerm } from './vocabulary.js';
import { WORD, foldDiacritics } from './listing.js';

interface Phrase {
  text: string;
  concept: number;
  /** Folded phrases (no diacritics) only for Vietnamese and French terms of two or more words: a
   *  single folded syllable collides too easily (`công` / `cộng`). French accents fold the same
   *  way (`séchage solaire` → `sechage solaire`). */
  folded: boolean;
}

const words = (s: string): string[] => s.toLowerCase().normalize('NFC').match(WORD) ?? [];

function buildPhrases(vocabulary: readonly VocabularyTerm[]): Phrase[] {
  const out: Phrase[] = [];
  vocabulary.forEach((term, concept) => {
    const all = [term.vi, term.en, ...(term.fr ? [term.fr] : []), ...(term.alt ?? [])];
    const forms = new Set(all.map((f) => words(f).join(' ')).filter(Boolean));
    for (const form of forms) {
      // Two-letter forms (`ai`, `ev`) are ordinary words too (Vietnamese `ai` is "who"): they
      // serve as search synonyms but do not count as a concept in a text.
      if (!form.includes(' ') && form.length < 3) continue;
      out.push({ text: form, concept, folded: false });
      const folded = foldDiacritics(form);
      if (folded !== form && form.includes(' ')) out.push({ text: folded, concept, folded: true });
    }
  });
  return out;
}

/** A word trie: walking a text stops as soon as no vocabulary phrase continues. */
interface TrieNode {
  next: Map<string, TrieNode>;
  concept?: number;
}

function buildTrie(phrases: Phrase[], folded: boolean): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const p of phrases) {
    if (p.folded !== folded) continue;
    let node = root;
    for (const w of p.text.split(' ')) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    node.concept ??= p.concept;
  }
  return root;
}

const PHRASES = buildPhrases(VOCABULARY);
const EXACT = buildTrie(PHRASES, false);
const FOLDED = buildTrie(PHRASES, true);

/** The longest vocabulary phrase that starts at `start`: its concept and its length in words. */
function longest(root: TrieNode, tokens: readonly string[], start: number): { concept: number; length: number } | null {
  let node: TrieNode | undefined = root;
  let best: { concept: number; length: number } | null = null;
  for (let i = start; node && i < tokens.length; i += 1) {
    node = node.next.get(tokens[i]!);
    if (node?.concept !== undefined) best = { concept: node.concept, length: i - start + 1 };
  }
  return best;
}

/**
 * The concepts (vocabulary indexes) a text mentions. A phrase inside a longer one counts only as
 * the longer: "lead-acid battery" is that concept, not also "battery", so a lithium-ion battery
 * offer does not share two concepts with a lead-acid one by the word they both contain. The
 * word said on its own elsewhere in the text still counts.
 */
export function conceptsIn(text: string): Set<number> {
  const plain = words(text);
  // Folding the whole text at once is cheaper than word by word; it keeps word boundaries.
  let folded = words(foldDiacritics(text));
  if (folded.length !== plain.length) folded = plain.map(foldDiacritics);
  const found = new Set<number>();
  let covered = 0; // the end of the phrases found so far
  for (let i = 0; i < plain.length; i += 1) {
    const exact = longest(EXACT, plain, i);
    const loose = longest(FOLDED, folded, i);
    const match = exact && (!loose || exact.length >= loose.length) ? exact : loose;
    if (!match || i + match.length <= covered) continue;
    found.add(match.concept);
    covered = i + match.length;
  }
  return found;
}

export function conceptTerm(concept: number): VocabularyTerm | undefined {
  return VOCABULARY[concept];
}

/**
 * The listing's concepts said in another language: the words that find it across languages.
 * Field terms only (general words like "technology" find everything), the most specific first.
 */
export function translatedTerms(concepts: Iterable<number>, into: 'vi' | 'en' | 'fr'): string[] {
  const terms: string[] = [];
  for (const c of concepts) {
    const term = VOCABULARY[c];
    const form = term && term.sectors.length > 0 ? term[into] : undefined;
    // A term without a French form is left out of the French words.
    if (form) terms.push(form);
  }
  return terms.sort((a, b) => b.split(' ').length - a.split(' ').length);
}

const wordsOfConcept = new Map<number, readonly string[]>();

/** The words (folded) of these concepts in every language and variant: "maize" of the concept maize. */
export function conceptWords(concepts: Iterable<number>): Set<string> {
  const all = new Set<string>();
  for (const c of concepts) {
    let known = wordsOfConcept.get(c);
    if (!known) {
      const term = VOCABULARY[c];
      const forms = term ? [term.vi, term.en, term.fr ?? '', ...(term.alt ?? [])] : [];
      known = [...new Set(foldDiacritics(forms.join(' ')).match(WORD) ?? [])];
      wordsOfConcept.set(c, known);
    }
    for (const w of known) all.add(w);
  }
  return all;
}
