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

/** The concepts (vocabulary indexes) a text mentions. */
export function conceptsIn(text: string): Set<number> {
  const plain = ` ${words(text).join(' ')} `;
  const folded = ` ${foldDiacritics(plain)} `;
  const found = new Set<number>();
  for (const p of PHRASES) {
    if (found.has(p.concept)) continue;
    if ((p.folded ? folded : plain).includes(` ${p.text} `)) found.add(p.concept);
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
