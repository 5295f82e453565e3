// Demo data for a fresh market: the organisations and listings under db/seed/, all published.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transaction } from 'kysely';
import type { Database } from './connection.js';
import type { DB } from './schema.js';

const seedDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seed');

interface SeedOrganisation {
  key: string;
  name: string;
  type: 'enterprise' | 'university' | 'institute' | 'agency';
  tax_code: string;
  province: string;
  website: string | null;
  description: string;
  verified: boolean;
}

interface SeedListing {
  org: string;
  kind: 'offer' | 'demand';
  language: 'vi' | 'en' | 'fr';
  title: string;
  summary: string;
  description: string;
  innovation: string;
  sectors: string[];
  keywords: string[];
  trl: number;
  ip_status: string | null;
  transfer_modes: string[];
  price_min: number | null;
  price_max: number | null;
  negotiable: boolean;
  province: string;
  anonymous: boolean;
  confidential_details: string | null;
  published_days_ago: number;
}

interface SeedUser {
  email: string;
  name: string;
  org: string;
  role: 'member' | 'admin';
  platform_admin: boolean;
}

/** Every demo account signs in with this password; `npm start` prints it. */
export const DEMO_PASSWORD = 'opentex-demo-2026';

const DAY = 24 * 60 * 60 * 1000;

export function readSeedFiles(): { organisations: SeedOrganisation[]; listings: SeedListing[]; users: SeedUser[] } {
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(seedDir, file), 'utf8')) as T;
  return { organisations: read('organisations.json'), listings: read('listings.json'), users: read('users.json') };
}

export async function isSeeded(db: Database): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Inserts the demo market in one transaction; returns what it wrote. Call only on an empty database. */
export async function seedDemoData(
  db: Database,
  options: {
    now?: Date;
    onProgress?: (done: number, total: number) => void;
    /** The app's password hashing, given by the caller (db/ knows nothing of app/auth). */
    hashPassword?: (password: string) => Promise<string>;
    /**
     * Publishes a listing written as a draft, at the time given: the app's `seed` transition
     * (app/services/demo-market.server.ts), so the demo goes through the process engine too.
     */
    publish: (trx: Transaction<DB>, listingId: string, at: Date) => Promise<void>;
  },
): Promise<{ organisations: number; listings: number; users: SeedUser[] }> {
  const { organisations, listings, users } = readSeedFiles();
  const passwordHash = options.hashPassword ? await options.hashPassword(DEMO_PASSWORD) : null;
  const now = options.now ?? new Date();
  const total = organisations.length + listings.length;
  let done = 0;
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const org of organisations) {
      const row = await trx
        .insertInto('organisations')
        .values({
          slug: org.key,
          name: org.name,
          type: org.type,
          tax_code: org.tax_code,
          province_code: org.province,
          website: org.website,
          description: org.description,
          verified_at: org.verified ? new Date(now.getTime() - 90 * DAY) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(org.key, row.id);
      options.onProgress?.(++done, total);
    }
    for (const l of listings) {
      const organisationId = ids.get(l.org);
      if (!organisationId) throw new Error(`Seed listing "${l.title}" names unknown organisation "${l.org}"`);
      const publishedAt = new Date(now.getTime() - l.published_days_ago * DAY);
      const row = await trx
        .insertInto('listings')
        .values({
          kind: l.kind,
          organisation_id: organisationId,
          status: 'draft',
          submitted_at: publishedAt,
          title: l.title,
          summary: l.summary,
          description: l.description,
          innovation: l.innovation,
          sectors: l.sectors,
          keywords: l.keywords,
          trl: l.trl,
          ip_status: l.kind === 'offer' ? l.ip_status : null,
          transfer_modes: l.transfer_modes,
          price_min: l.price_min,
          price_max: l.price_max,
          price_negotiable: l.negotiable,
          province_code: l.province,
          language: l.language,
          anonymous: l.anonymous,
          confidential_details: l.confidential_details,
          created_at: publishedAt,
          updated_at: publishedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await options.publish(trx, row.id, publishedAt);
      options.onProgress?.(++done, total);
    }
    if (passwordHash) {
      for (const u of users) {
        const organisationId = ids.get(u.org);
        if (!organisationId) throw new Error(`Seed user ${u.email} names unknown organisation "${u.org}"`);
        await trx
          .insertInto('users')
          .values({ email: u.email, name: u.name, organisation_id: organisationId, role: u.role, platform_admin: u.platform_admin, password_hash: passwordHash })
          .execute();
      }
    }
  });
  return { organisations: organisations.length, listings: listings.length, users: passwordHash ? users : [] };
}
