// A listing may be written in any of the market's listing languages (LISTING_LANGUAGES in
// app/domain/taxonomy.ts), not only Vietnamese and English: French offers from francophone
// partners were stored as English and indexed with the wrong locale.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table listings drop constraint listings_language_check`.execute(db);
  await sql`alter table listings add constraint listings_language_check check (language in ('vi', 'en', 'fr', 'es', 'pt', 'de', 'it', 'id'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update listings set language = 'en' where language not in ('vi', 'en')`.execute(db);
  await sql`alter table listings drop constraint listings_language_check`.execute(db);
  await sql`alter table listings add constraint listings_language_check check (language in ('vi', 'en'))`.execute(db);
}
