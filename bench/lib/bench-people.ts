// The people of a synthetic market: its organisations (none an agency), one admin each, and an
// agency with its curator. Shared by the benchmarks that act as people through the services.
import type { Actor } from '../../app/domain/actor.js';
import type { Database } from '../../db/connection.js';
import { syntheticOrganisations } from './synthetic-market.js';

export async function createBenchPeople(db: Database, seed: number, count: number) {
  const orgs = syntheticOrganisations(seed, count).map((o) => ({ ...o, type: o.type === 'agency' ? ('institute' as const) : o.type }));
  await db.insertInto('organisations').values(orgs).execute();
  const agency = await db
    .insertInto('organisations')
    .values({ slug: 'bench-agency', name: 'Sở KH&CN (bench)', type: 'agency', tax_code: '3999999999', province_code: 'ha-noi', description: 'Bench curator' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actors = new Map<string, Actor>();
  for (const org of [...orgs, { id: agency.id, type: 'agency' as const, slug: 'bench-agency' }]) {
    const email = `${org.slug}@bench.test`;
    const user = await db.insertInto('users').values({ email, name: org.slug, organisation_id: org.id, role: 'admin', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    actors.set(org.id, { userId: user.id, name: org.slug, email, organisationId: org.id, organisationType: org.type, role: 'admin', platformAdmin: false });
  }
  return { orgs, curator: actors.get(agency.id)!, actors };
}
