// The labelled sets `npm run match:eval` knows: the hand-written set (written beside the
// vocabulary) and the set of real listings written by others (tests/fixtures/matching-real),
// split into a tuning half and a test half over one market. Never tune on the test half.
export interface LabelledSetFiles {
  name: string;
  listings: string;
  qrels: string;
  /** What the set is for, printed beside its figures. */
  role: string;
}

export const LABELLED_SETS: readonly LabelledSetFiles[] = [
  { name: 'hand', listings: 'tests/fixtures/matching/listings.json', qrels: 'tests/fixtures/matching/qrels.json', role: 'written with the vocabulary' },
  { name: 'real-tune', listings: 'tests/fixtures/matching-real/listings.json', qrels: 'tests/fixtures/matching-real/qrels-tune.json', role: 'real listings, tuning half' },
  { name: 'real-test', listings: 'tests/fixtures/matching-real/listings.json', qrels: 'tests/fixtures/matching-real/qrels-test.json', role: 'real listings, test half (never tuned on)' },
];
