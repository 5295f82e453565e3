// A saved search's filters in columns, so that one SQL query finds the saved searches a newly
// published listing meets (docs/decisions/030-saved-search-alerts.md). An empty array or a NULL
// means "any", as in the query string. Existing rows are filled from their query string, which
// saveSearch validated and normalised when it stored them.
import { sql, type Kysely } from 'kysely';

const ARRAYS = ['sectors', 'transfer_modes', 'ip_statuses', 'provinces', 'organisation_types'] as const;
/** Query-string parameter of each array column (app/domain/listing-query.ts). */
const PARAMETER: Record<(typeof ARRAYS)[number], string> = {
  sectors: 'sector',
  transfer_modes: 'mode',
  ip_statuses: 'ip',
  provinces: 'province',
  organisation_types: 'org_type',
};

export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .alterTable('saved_searches')
    .addColumn('q', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.check(sql`kind in ('offer', 'demand')`))
    .addColumn('trl_min', 'integer')
    .addColumn('trl_max', 'integer');
  for (const column of ARRAYS) table = table.addColumn(column, sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`));
  await table.execute();
  for (const column of ARRAYS) {
    await sql`create index ${sql.id(`saved_searches_${column}_gin`)} on saved_searches using gin (${sql.id(column)})`.execute(db);
  }

  const rows: { id: string; query: string }[] = await db.selectFrom('saved_searches').select(['id', 'query']).execute();
  for (const row of rows) {
    const p = new URLSearchParams(row.query);
    const all = (name: string) => [...new Set(p.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
    const int = (name: string) => (p.get(name)?.trim() ? Number(p.get(name)) : null);
    const values: Record<string, unknown> = { q: (p.get('q') ?? '').trim(), kind: p.get('kind')?.trim() || null, trl_min: int('trl_min'), trl_max: int('trl_max') };
    for (const column of ARRAYS) values[column] = all(PARAMETER[column]);
    await db.updateTable('saved_searches').set(values).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  let table = db.schema.alterTable('saved_searches').dropColumn('q').dropColumn('kind').dropColumn('trl_min').dropColumn('trl_max');
  for (const column of ARRAYS) table = table.dropColumn(column);
  await table.execute();
}
