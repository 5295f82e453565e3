import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../app/domain/vocabulary.js';
import { conceptsIn, translatedTerms } from '../../app/domain/concepts.js';

const formsOf = (t: (typeof VOCABULARY)[number]): string[] => [t.vi, t.en, ...(t.fr ? [t.fr] : []), ...(t.alt ?? [])];

describe('the vocabulary', () => {
  it('uses each form in one term only, Vietnamese, English, French and alternatives alike', () => {
    const owner = new Map<string, number>();
    const clashes: string[] = [];
    VOCABULARY.forEach((term, i) => {
      // Within one term a French word may be the English one (`compost`).
      for (const form of new Set(formsOf(term))) {
        const seen = owner.get(form);
        if (seen !== undefined && seen !== i) clashes.push(`${form} (${VOCABULARY[seen]!.en} / ${term.en})`);
        owner.set(form, i);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('writes every form in lower case and NFC, without stray spaces', () => {
    const bad = VOCABULARY.flatMap(formsOf).filter(
      (f) => f !== f.toLowerCase() || f !== f.normalize('NFC') || f !== f.trim() || f.includes('  ') || f === '',
    );
    expect(bad).toEqual([]);
  });

  it('gives every field term a French form', () => {
    const without = VOCABULARY.filter((t) => t.sectors.length > 0 && !t.fr).map((t) => t.en);
    expect(without).toEqual([]);
  });
});

describe('French concepts', () => {
  const concept = (en: string) => VOCABULARY.findIndex((t) => t.en === en);
  const fieldConcepts = (text: string) =>
    [...conceptsIn(text)].filter((c) => VOCABULARY[c]!.sectors.length > 0).sort((a, b) => a - b);

  it('finds the same field concepts in a French sentence as in Vietnamese and English', () => {
    const fr = fieldConcepts('Séchoir solaire pour réduire les pertes post-récolte du maïs et du cacao');
    const vi = fieldConcepts('Máy sấy năng lượng mặt trời giảm tổn thất sau thu hoạch của ngô và ca cao');
    const en = fieldConcepts('Solar dryer to reduce post-harvest losses of maize and cocoa');
    expect(fr).toEqual(
      ['drying technology', 'solar energy', 'post-harvest', 'maize', 'cocoa'].map(concept).sort((a, b) => a - b),
    );
    expect(fr).toEqual(vi);
    expect(fr).toEqual(en);
  });

  it('finds French terms written without their accents when they are two words or more', () => {
    const accented = fieldConcepts('caméra de détection d’incendie pour le traitement des eaux usées');
    expect(accented).toEqual(expect.arrayContaining([concept('fire detection'), concept('wastewater treatment')]));
    expect(fieldConcepts('camera de detection d’incendie pour le traitement des eaux usees')).toEqual(accented);
    // A single word is not folded: `thé` (tea) must not be found in English `the`.
    expect(fieldConcepts('the tea')).toEqual([concept('tea')]);
    // Nor is a French word that is a Vietnamese syllable typed without its marks (`thôn`, hamlet).
    expect(fieldConcepts('thon 3, xa Hoa Binh')).toEqual([]);
  });

  it('finds the same concepts in French and English beyond the example', () => {
    expect(fieldConcepts('vision par ordinateur pour le stockage après récolte')).toEqual(
      fieldConcepts('computer vision for post-harvest storage'),
    );
    expect(fieldConcepts('Panneaux solaires et stockage d’énergie pour un micro-réseau')).toEqual(
      fieldConcepts('solar panels and energy storage for a microgrid'),
    );
  });

  it('says concepts in French with translatedTerms', () => {
    const terms = translatedTerms(conceptsIn('hệ thống xử lý nước thải cho ao nuôi tôm'), 'fr');
    expect(terms).toContain('traitement des eaux usées');
    expect(terms).toContain("bassin d'élevage de crevettes");
    expect(translatedTerms(conceptsIn('AI camera phát hiện khói và cháy'), 'fr')).toContain("détection d'incendie");
  });

  it('leaves general terms out of the French words, as out of the other languages', () => {
    expect(translatedTerms(conceptsIn('chuyển giao công nghệ'), 'fr')).toEqual([]);
    expect(translatedTerms(conceptsIn('transfert de technologie et brevet'), 'vi')).toEqual([]);
  });
});
