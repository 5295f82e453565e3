import { type Kysely, sql } from 'kysely';

// The fixed vocabularies, copied here on purpose: a migration never imports app code,
// and a later change of taxonomy is a new migration.
const SECTORS = [
  'ict', 'ai_data', 'electronics_semiconductors', 'biotech_pharma', 'health_medtech', 'agrifood',
  'environment_water', 'energy_cleantech', 'materials_chemistry', 'manufacturing_automation',
  'construction_smartcity', 'transport_logistics', 'textiles', 'aquaculture_fisheries',
  'education_edtech',
];
const IP_STATUSES = ['patent_granted', 'patent_pending', 'utility_solution', 'know_how', 'copyright', 'none'];
const TRANSFER_MODES = [
  'licence_exclusive', 'licence_non_exclusive', 'assignment', 'joint_development',
  'technical_assistance', 'spin_off_equity', 'turnkey',
];
const PROVINCES: [string, string, string][] = [
  ['ha-noi', 'Hà Nội', 'Hanoi'], ['ho-chi-minh', 'TP. Hồ Chí Minh', 'Ho Chi Minh City'],
  ['hai-phong', 'Hải Phòng', 'Hai Phong'], ['da-nang', 'Đà Nẵng', 'Da Nang'],
  ['can-tho', 'Cần Thơ', 'Can Tho'], ['hue', 'Huế', 'Hue'], ['cao-bang', 'Cao Bằng', 'Cao Bang'],
  ['dien-bien', 'Điện Biên', 'Dien Bien'], ['lai-chau', 'Lai Châu', 'Lai Chau'],
  ['son-la', 'Sơn La', 'Son La'], ['lang-son', 'Lạng Sơn', 'Lang Son'],
  ['quang-ninh', 'Quảng Ninh', 'Quang Ninh'], ['thanh-hoa', 'Thanh Hóa', 'Thanh Hoa'],
  ['nghe-an', 'Nghệ An', 'Nghe An'], ['ha-tinh', 'Hà Tĩnh', 'Ha Tinh'],
  ['tuyen-quang', 'Tuyên Quang', 'Tuyen Quang'], ['lao-cai', 'Lào Cai', 'Lao Cai'],
  ['thai-nguyen', 'Thái Nguyên', 'Thai Nguyen'], ['phu-tho', 'Phú Thọ', 'Phu Tho'],
  ['bac-ninh', 'Bắc Ninh', 'Bac Ninh'], ['hung-yen', 'Hưng Yên', 'Hung Yen'],
  ['ninh-binh', 'Ninh Bình', 'Ninh Binh'], ['quang-tri', 'Quảng Trị', 'Quang Tri'],
  ['quang-ngai', 'Quảng Ngãi', 'Quang Ngai'], ['gia-lai', 'Gia Lai', 'Gia Lai'],
  ['khanh-hoa', 'Khánh Hòa', 'Khanh Hoa'], ['lam-dong', 'Lâm Đồng', 'Lam Dong'],
  ['dak-lak', 'Đắk Lắk', 'Dak Lak'], ['dong-nai', 'Đồng Nai', 'Dong Nai'],
  ['tay-ninh', 'Tây Ninh', 'Tay Ninh'], ['vinh-long', 'Vĩnh Long', 'Vinh Long'],
  ['dong-thap', 'Đồng Tháp', 'Dong Thap'], ['ca-mau', 'Cà Mau', 'Ca Mau'],
  ['an-giang', 'An Giang', 'An Giang'],
];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pgcrypto`.execute(db);

  // Folding for the full-text fallback: `nuoc thai` must find `nước thải`.
  // unaccent() is only STABLE (its dictionary could change); we pin the dictionary so the
  // wrapper can be IMMUTABLE and used in a generated column.
  await sql`
    create function opentex_fold(input text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, input)) $$
  `.execute(db);
  await sql`
    create function opentex_listing_vector(
      title text, keywords text[], summary text, innovation text, description text
    ) returns tsvector
    language sql immutable parallel safe
    as $$
      select setweight(to_tsvector('simple'::regconfig, opentex_fold(coalesce(title, ''))), 'A')
          || setweight(to_tsvector('simple'::regconfig, opentex_fold(coalesce(array_to_string(keywords, ' '), ''))), 'A')
          || setweight(to_tsvector('simple'::regconfig, opentex_fold(coalesce(summary, ''))), 'B')
          || setweight(to_tsvector('simple'::regconfig, opentex_fold(coalesce(innovation, ''))), 'C')
          || setweight(to_tsvector('simple'::regconfig, opentex_fold(coalesce(description, ''))), 'D')
    $$
  `.execute(db);

  await db.schema
    .createTable('provinces')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('provinces')
    .values(PROVINCES.map(([code, name_vi, name_en]) => ({ code, name_vi, name_en })))
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9-]{2,64}$'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 2 and 200`))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('enterprise', 'university', 'institute', 'agency')`),
    )
    .addColumn('tax_code', 'text', (c) =>
      c.notNull().unique().check(sql`tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'`),
    )
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('website', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('verified_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('listings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('offer', 'demand')`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(
          sql`status in ('draft', 'pending_review', 'published', 'changes_requested', 'rejected', 'archived', 'expired')`,
        ),
    )
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 200`))
    .addColumn('summary', 'text', (c) => c.notNull().check(sql`length(summary) <= 500`))
    .addColumn('description', 'text', (c) => c.notNull().check(sql`length(description) <= 8000`))
    .addColumn('innovation', 'text', (c) => c.notNull().defaultTo('').check(sql`length(innovation) <= 2000`))
    .addColumn('sectors', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(sectors) between 1 and 3 and sectors <@ array[${list(SECTORS)}]::text[]`),
    )
    .addColumn('keywords', sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`).check(sql`cardinality(keywords) <= 10`),
    )
    .addColumn('trl', 'smallint', (c) => c.notNull().check(sql`trl between 1 and 9`))
    .addColumn('ip_status', 'text', (c) => c.check(sql`ip_status in (${list(IP_STATUSES)})`))
    .addColumn('transfer_modes', sql`text[]`, (c) =>
      c
        .notNull()
        .check(sql`cardinality(transfer_modes) >= 1 and transfer_modes <@ array[${list(TRANSFER_MODES)}]::text[]`),
    )
    .addColumn('price_min', 'bigint', (c) => c.check(sql`price_min >= 0`))
    .addColumn('price_max', 'bigint', (c) => c.check(sql`price_max >= 0`))
    .addColumn('price_negotiable', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('vi', 'en')`))
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('confidential_details', 'text', (c) => c.check(sql`length(confidential_details) <= 8000`))
    .addColumn('featured', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('published_at', 'timestamptz')
    .addColumn('confirmed_active_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search_vector', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(
        sql`opentex_listing_vector(title, keywords, summary, innovation, description)`,
      ).stored(),
    )
    .addCheckConstraint('listings_price_range', sql`price_min is null or price_max is null or price_min <= price_max`)
    .addCheckConstraint('listings_offer_ip', sql`kind = 'offer' or ip_status is null`)
    .addCheckConstraint(
      'listings_published_dates',
      sql`status <> 'published' or (published_at is not null and expires_at is not null)`,
    )
    .execute();
  await db.schema.createIndex('listings_search_vector_idx').on('listings').using('gin').column('search_vector').execute();
  await db.schema.createIndex('listings_status_kind_idx').on('listings').columns(['status', 'kind', 'published_at']).execute();
  await db.schema.createIndex('listings_organisation_idx').on('listings').column('organisation_id').execute();
  await db.schema.createIndex('listings_sectors_idx').on('listings').using('gin').column('sectors').execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await sql`create index outbox_pending_idx on outbox (id) where processed_at is null`.execute(db);

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_events_entity_idx').on('audit_events').columns(['entity_type', 'entity_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_events', 'outbox', 'listings', 'organisations', 'provinces']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists opentex_listing_vector`.execute(db);
  await sql`drop function if exists opentex_fold`.execute(db);
}
