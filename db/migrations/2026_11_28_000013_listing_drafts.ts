// A draft may be saved incomplete: TRL, province, sectors and transfer modes may wait until the
// owner submits it. A listing under review or public keeps every constraint it had. The form's
// idempotency key makes a double-clicked "save draft" write one draft.
import { sql, type Kysely } from 'kysely';

/** States whose text no curator has accepted nor is reviewing: the owner's work in progress. */
const UNFINISHED = sql`status in ('draft', 'changes_requested', 'rejected', 'archived')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table listings alter column trl drop not null, alter column province_code drop not null`.execute(db);
  await sql`alter table listings drop constraint listings_sectors_check, drop constraint listings_transfer_modes_check`.execute(db);
  await sql`alter table listings add constraint listings_sectors_check check (
    cardinality(sectors) <= 3 and sectors <@ array['ict', 'ai_data', 'electronics_semiconductors', 'biotech_pharma', 'health_medtech', 'agrifood', 'environment_water', 'energy_cleantech', 'materials_chemistry', 'manufacturing_automation', 'construction_smartcity', 'transport_logistics', 'textiles', 'aquaculture_fisheries', 'education_edtech']::text[]
  )`.execute(db);
  await sql`alter table listings add constraint listings_transfer_modes_check check (
    transfer_modes <@ array['licence_exclusive', 'licence_non_exclusive', 'assignment', 'joint_development', 'technical_assistance', 'spin_off_equity', 'turnkey']::text[]
  )`.execute(db);
  await sql`alter table listings add constraint listings_complete_when_submitted check (
    ${UNFINISHED} or (trl is not null and province_code is not null and cardinality(sectors) >= 1 and cardinality(transfer_modes) >= 1)
  )`.execute(db);
  await db.schema.alterTable('listings').addColumn('idempotency_key', 'text', (c) => c.check(sql`length(idempotency_key) between 8 and 100`)).execute();
  await sql`create unique index listings_idempotency_key on listings (created_by, idempotency_key) where idempotency_key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index listings_idempotency_key`.execute(db);
  await db.schema.alterTable('listings').dropColumn('idempotency_key').execute();
  await sql`alter table listings drop constraint listings_complete_when_submitted`.execute(db);
  await sql`alter table listings drop constraint listings_sectors_check, drop constraint listings_transfer_modes_check`.execute(db);
  await sql`alter table listings add constraint listings_sectors_check check (cardinality(sectors) between 1 and 3 and sectors <@ array['ict', 'ai_data', 'electronics_semiconductors', 'biotech_pharma', 'health_medtech', 'agrifood', 'environment_water', 'energy_cleantech', 'materials_chemistry', 'manufacturing_automation', 'construction_smartcity', 'transport_logistics', 'textiles', 'aquaculture_fisheries', 'education_edtech']::text[])`.execute(db);
  await sql`alter table listings add constraint listings_transfer_modes_check check (cardinality(transfer_modes) >= 1 and transfer_modes <@ array['licence_exclusive', 'licence_non_exclusive', 'assignment', 'joint_development', 'technical_assistance', 'spin_off_equity', 'turnkey']::text[])`.execute(db);
  await sql`alter table listings alter column trl set not null, alter column province_code set not null`.execute(db);
}
