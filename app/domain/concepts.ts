// Technology concepts found in a text, the same whether it is written in Vietnamese or English:
// each vocabulary term (and its alternatives, in either language) stands for one concept.
import { VOCABULARY, type VocabularyTerm } from './vocabulary.js';
import { foldDiacritics } from './listing.js';

interface Phrase {
  text: string;
  concept: number;
  /** Folded phrases (no diacritics) only for Vietnamese terms of two or more words: a single
   *  folded syllable collides too easily (`công` / `cộng`). */
  folded: boolean;
}

const words = (s: string) => s.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

function buildPhrases(vocabulary: readonly VocabularyTerm[]): Phrase[] {
  const out: Phrase[] = [];
  vocabulary.forEach((term, concept) => {
    const forms = new Set([term.vi, term.en, ...(term.alt ?? [])].map((f) => words(f).join(' ')).filter(Boolean));
    for (const form of forms) {
      out.push({ text: form, concept, folded: false });
      const folded = foldDiacritics(form);
      if (folded !== form && form.includes(' ')) out.push({ text: folded, concept, folded: true });
    }
  });
  return out;
}

const PHRASES = buildPhrases(VOCABULARY);
const EXACT = new Map<string, number>();
const FOLDED = new Map<string, number>();
for (const p of PHRASES) (p.folded ? FOLDED : EXACT).set(p.text, p.concept);
const LONGEST = Math.max(...PHRASES.map((p) => p.text.split(' ').length));

/** The concepts (vocabulary indexes) a text mentions: every run of up to LONGEST words is looked up. */
export function conceptsIn(text: string): Set<number> {
  const plain = words(text);
  const folded = plain.map(foldDiacritics);
  const found = new Set<number>();
  for (let i = 0; i < plain.length; i += 1) {
    for (let n = 1; n <= LONGEST && i + n <= plain.length; n += 1) {
      const exact = EXACT.get(plain.slice(i, i + n).join(' '));
      if (exact !== undefined) found.add(exact);
      if (n > 1) {
        const loose = FOLDED.get(folded.slice(i, i + n).join(' '));
        if (loose !== undefined) found.add(loose);
      }
    }
  }
  return found;
}

export function conceptTerm(concept: number): VocabularyTerm | undefined {
  return VOCABULARY[concept];
}

/** The listing's concepts said in the other language: the words that find it across languages. */
export function translatedTerms(concepts: Iterable<number>, into: 'vi' | 'en'): string[] {
  const out: string[] = [];
  for (const c of concepts) {
    const term = VOCABULARY[c];
    if (term) out.push(term[into]);
  }
  return out;
}
