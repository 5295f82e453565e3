import { type Kysely, sql } from 'kysely';

// Who sees what of a listing before and after review (issue 7, findings 13 and 14):
// - `listings.submitted_at`: the first submission for review. Curators see a listing only
//   from then on; a draft never submitted is its organisation's own.
// - `attachments.review_state`: a file added to a published listing waits for a curator
//   before the public sees it. Files that exist today were public already: they stay approved.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').addColumn('submitted_at', 'timestamptz').execute();
  await sql`
    update listings l
       set submitted_at = coalesce(
         (select min(a.at) from audit_events a where a.entity_type = 'listing' and a.entity_id = l.id and a.action = 'submit'),
         l.published_at,
         l.updated_at)
     where l.status <> 'draft'
       and (l.status <> 'archived' or l.published_at is not null
            or exists (select 1 from audit_events a where a.entity_type = 'listing' and a.entity_id = l.id and a.action = 'submit'))
  `.execute(db);
  await db.schema
    .alterTable('attachments')
    .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('approved').check(sql`review_state in ('pending', 'approved', 'refused')`))
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  // Documents of anonymous listings already in the index name the owner's type and province:
  // the relay re-sends them with the coarse description (finding 8).
  await sql`
    insert into outbox (topic, entity_id)
    select 'listing.changed', id from listings where anonymous and status = 'published'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').dropColumn('reviewed_at').dropColumn('reviewed_by').dropColumn('review_state').execute();
  await db.schema.alterTable('listings').dropColumn('submitted_at').execute();
}
