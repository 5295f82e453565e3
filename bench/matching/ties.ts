// The evaluation's order among equals: fixed from run to run, and saying nothing of relevance.
import { createHash } from 'node:crypto';

/**
 * Equal scores in a fixed order that says nothing of relevance: by a hash of the labelled id.
 * (The listings get new random ids in each run; ordering ties by them made runs differ by one
 * demand's top-1. Labelled ids would not do either: offers of one cluster are numbered together.)
 */
const tieKey = (label: string) => createHash('sha1').update(label).digest('hex');
export function byScoreThenTie<T>(items: readonly T[], score: (t: T) => number, label: (t: T) => string): T[] {
  const keyed = items.map((item) => ({ item, score: score(item), key: tieKey(label(item)) }));
  keyed.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}
