// Agreed terms frozen with the SHA-256 of their canonical form (what the contract is made from),
// and files attached to deal messages, checked as listing attachments are.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('deals')
    .addColumn('agreed_terms_version', 'integer')
    .addColumn('agreed_terms_sha256', 'text', (c) => c.check(sql`agreed_terms_sha256 ~ '^[0-9a-f]{64}$'`))
    .execute();
  // Once agreed, the terms a deal points at and their hash never change.
  await sql`
    create function opentex_agreed_terms_frozen() returns trigger language plpgsql as $$
    begin
      if old.agreed_terms_sha256 is not null and (new.agreed_terms_sha256 is distinct from old.agreed_terms_sha256
          or new.agreed_terms_version is distinct from old.agreed_terms_version) then
        raise exception 'the agreed terms of deal % are frozen', old.id;
      end if;
      return new;
    end $$
  `.execute(db);
  await sql`create trigger deals_agreed_terms_frozen before update on deals for each row execute function opentex_agreed_terms_frozen()`.execute(db);

  await db.schema
    .createTable('deal_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('deal_id', 'uuid', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('deal_messages.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('deal_files_message_idx').on('deal_files').column('message_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deal_files').ifExists().execute();
  await sql`drop trigger if exists deals_agreed_terms_frozen on deals`.execute(db);
  await sql`drop function if exists opentex_agreed_terms_frozen`.execute(db);
  await db.schema.alterTable('deals').dropColumn('agreed_terms_sha256').dropColumn('agreed_terms_version').execute();
}
