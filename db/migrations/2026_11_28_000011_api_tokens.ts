// Personal API tokens: a person's key for programs, sent as `Authorization: Bearer …` to
// /api/v1 only. Only the SHA-256 of the secret is kept, so the table grants nothing if it leaks.
// Each token counts its own requests in a fixed window (its row is the counter, updated under
// the row lock of the same statement that checks it), so every web process sees one count.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 100`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('read', 'write')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('window_started_at', 'timestamptz')
    .addColumn('window_count', 'integer', (c) => c.notNull().defaultTo(0).check(sql`window_count >= 0`))
    .addCheckConstraint('api_tokens_expiry_after_creation', sql`expires_at is null or expires_at > created_at`)
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
}
