// The labelled set's file formats (see the issue and tests/fixtures/matching/README.md), read
// and checked: a wrong file gets a clear message naming the record, not a stack trace.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SECTORS, TRANSFER_MODES } from '../../app/domain/taxonomy.js';

const listingSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['offer', 'demand']),
  title: z.string().min(1),
  summary: z.string().default(''),
  description: z.string().default(''),
  sectors: z.array(z.enum(SECTORS)).min(1),
  trl: z.number().int().min(1).max(9).nullable(),
  transfer_modes: z.array(z.enum(TRANSFER_MODES)).default([]),
  province_or_country: z.string().default(''),
  language: z.enum(['vi', 'en', 'fr']),
  keywords: z.array(z.string()).optional(),
  price_min: z.number().nullable().optional(),
  price_max: z.number().nullable().optional(),
  budget_max: z.number().nullable().optional(),
});
export type LabelledListing = z.output<typeof listingSchema>;

const qrelsSchema = z.object({
  demand_to_offers: z.record(z.array(z.object({ offer: z.string(), grade: z.union([z.literal(1), z.literal(2)]) }))),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function readLabelledSet(listingsFile: string, qrelsFile: string) {
  const rawListings = readJson(listingsFile);
  if (!Array.isArray(rawListings)) throw new Error(`${listingsFile}: expected a JSON array of listings`);
  const listings = rawListings.map((raw, i) => {
    const parsed = listingSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${listingsFile}: listing #${i} (${(raw as { id?: string })?.id ?? '?'}): ${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  });
  const parsedQrels = qrelsSchema.safeParse(readJson(qrelsFile));
  if (!parsedQrels.success) throw new Error(`${qrelsFile}: ${parsedQrels.error.issues[0]!.path.join('.')}: ${parsedQrels.error.issues[0]!.message}`);
  const byId = new Map(listings.map((l) => [l.id, l]));
  const qrels = new Map<string, Map<string, number>>();
  for (const [demand, judged] of Object.entries(parsedQrels.data.demand_to_offers)) {
    if (byId.get(demand)?.kind !== 'demand') throw new Error(`${qrelsFile}: "${demand}" is not a demand of ${listingsFile}`);
    for (const j of judged) if (byId.get(j.offer)?.kind !== 'offer') throw new Error(`${qrelsFile}: "${j.offer}" is not an offer of ${listingsFile}`);
    qrels.set(demand, new Map(judged.map((j) => [j.offer, j.grade])));
  }
  return { listings, qrels };
}
