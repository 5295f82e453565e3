// Facts the contracts issue left unrecorded: when each milestone is payable by (for reminders and
// the overdue flag), and whether the technology was made with state
// capital or budget (its transfer must then be registered with the Department of Science and
// Technology, and the contract says so), and a card charged after the milestone was already paid
// by transfer (counted never, owed back to the buyer: `refund_due`).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contracts').addColumn('state_funded', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  // When a milestone is payable by (the first: 30 days after signing; each next: 30 days after the one before is accepted).
  await db.schema.alterTable('milestones').addColumn('pay_by', 'timestamptz').execute();
  await sql`alter table payments drop constraint payments_status_check`.execute(db);
  await sql`alter table payments add constraint payments_status_check check (status in ('reported', 'confirmed', 'not_received', 'pending', 'paid', 'failed', 'refund_due'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update payments set status = 'pending' where status = 'refund_due'`.execute(db);
  await sql`alter table payments drop constraint payments_status_check`.execute(db);
  await sql`alter table payments add constraint payments_status_check check (status in ('reported', 'confirmed', 'not_received', 'pending', 'paid', 'failed'))`.execute(db);
  await db.schema.alterTable('milestones').dropColumn('pay_by').execute();
  await db.schema.alterTable('contracts').dropColumn('state_funded').execute();
}
