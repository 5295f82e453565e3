// An installation made before issue 7 upgrades without hiding what the audit found lost:
// a published listing whose matching job gave up (no match at all) is left for the sweep, and
// anonymous listings already in the index are re-sent with the coarse description.
import { randomBytes } from 'node:crypto';
import { sql, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDb, type Database } from '../../db/connection.js';
import { dropDatabase, ensureDatabase } from '../../db/create-database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';

const BEFORE_ISSUE_7 = '2026_11_22_000004_attachments';
let db: Database;
const name = `t_upgrade_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  await ensureDatabase(inject('pgAdminUrl'), name);
  db = createDb(inject('pgAdminUrl').replace(/\/[^/]*$/, `/${name}`), { max: 2 });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error } = await migrator.migrateTo(BEFORE_ISSUE_7);
  if (error) throw error;
});

afterAll(async () => {
  await db?.destroy();
  await dropDatabase(inject('pgAdminUrl'), name);
});

async function listing(org: string, kind: 'offer' | 'demand', title: string, anonymous = false): Promise<string> {
  const row = await sql<{ id: string }>`
    insert into listings (kind, organisation_id, status, title, summary, description, sectors, keywords, trl,
                          ip_status, transfer_modes, province_code, language, anonymous, published_at, expires_at)
    values (${kind}, ${org}, 'published', ${title}, 'Tóm tắt', 'Mô tả', array['ai_data'], array[]::text[], 5,
            ${kind === 'offer' ? 'know_how' : null}, array['licence_non_exclusive'], 'ha-noi', 'vi', ${anonymous}, now(), now() + interval '365 days')
    returning id`.execute(db);
  return row.rows[0]!.id;
}

describe('upgrading a market from before issue 7', () => {
  it('leaves the listings an outage left unmatched to the sweep, and re-sends anonymous listings to the index', async () => {
    const org = (
      await sql<{ id: string }>`insert into organisations (slug, name, type, tax_code, province_code, description)
        values ('vien-cu', 'Viện Cũ', 'institute', '0100000109', 'ha-noi', '') returning id`.execute(db)
    ).rows[0]!.id;
    const matchedOffer = await listing(org, 'offer', 'Nhận dạng chữ viết tay');
    const matchedDemand = await listing(org, 'demand', 'Cần nhận dạng biểu mẫu', true);
    const lostInOutage = await listing(org, 'offer', 'Lọc nước nhiễm mặn');
    await sql`insert into matches (demand_id, offer_id, score, reasons, computed_at, first_seen_at)
              values (${matchedDemand}, ${matchedOffer}, 72, '[]'::jsonb, now(), now())`.execute(db);
    await sql`delete from outbox`.execute(db);

    await migrateToLatest(db);

    const runs = await db.selectFrom('matching_runs').select('listing_id').execute();
    expect(runs.map((r) => r.listing_id).sort()).toEqual([matchedOffer, matchedDemand].sort());
    expect(runs.map((r) => r.listing_id)).not.toContain(lostInOutage);
    const resent = await db.selectFrom('outbox').select('entity_id').where('processed_at', 'is', null).execute();
    expect(resent.map((r) => r.entity_id)).toEqual([matchedDemand]);
  });
});
