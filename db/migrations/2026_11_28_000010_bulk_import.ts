// Bulk import of offers: an uploaded file's checked rows wait in `bulk_imports` until the admin
// confirms, then a job writes them in chunks, counting its progress. Each listing an import wrote
// carries the row's own reference, unique in its organisation, so an upload of the same file
// updates those drafts instead of writing new ones.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').addColumn('import_reference', 'text').execute();
  await sql`alter table listings add constraint listings_import_reference_unique unique (organisation_id, import_reference)`.execute(db);
  await db.schema
    .createTable('bulk_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull().check(sql`file_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('rows', 'jsonb', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull().check(sql`row_count between 0 and 1000`))
    .addColumn('valid_count', 'integer', (c) => c.notNull().check(sql`valid_count >= 0 and valid_count <= row_count`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('staged').check(sql`status in ('staged', 'running', 'done')`))
    .addColumn('mode', 'text', (c) => c.check(sql`mode in ('draft', 'submit', 'publish')`))
    .addColumn('done_count', 'integer', (c) => c.notNull().defaultTo(0).check(sql`done_count >= 0 and done_count <= valid_count`))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint('bulk_imports_mode_when_confirmed', sql`(status = 'staged') = (mode is null)`)
    .execute();
  await db.schema.createIndex('bulk_imports_organisation').on('bulk_imports').columns(['organisation_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bulk_imports').execute();
  await sql`alter table listings drop constraint listings_import_reference_unique`.execute(db);
  await db.schema.alterTable('listings').dropColumn('import_reference').execute();
}
