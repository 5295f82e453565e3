// The `bulk-import` job: writes a confirmed import's valid rows in chunks, each chunk in one
// transaction with the import's progress, so the status page shows "n of m" and a run that
// stops (a crash, a redeploy) resumes at the first chunk not written. A row writes or updates
// its draft through the `bulk_import` transition (one audit event per listing), then, as chosen,
// `submit` (the review queue) or `import` (published, a curator's migration).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../domain/actor.js';
import { belongsTo } from '../domain/actor.js';
import type { CheckedRow, ImportMode } from '../domain/bulk-import.js';
import type { ListingInput } from '../domain/listing-input.js';
import type { AppContext } from '../context.server.js';
import { askFor, type JobRequest } from './jobs.server.js';
import { listingColumns } from './listing-columns.server.js';
import { listingStore } from './listing-lifecycle.server.js';
import { runTransitionIn } from './process-runner.server.js';

/** Rows written per transaction: small enough that the progress moves and locks stay short. */
export const IMPORT_CHUNK = 25;

const WRITABLE = new Set(['draft', 'changes_requested']);

interface RunFacts {
  importId: string;
  organisationId: string;
  mode: ImportMode;
  /** The organisation's admin who confirmed (transitions as owner), or null: a curator's import, run as the system. */
  owner: Actor | null;
  confirmedBy: string | null;
}

type Outcome = { kind: 'created' | 'updated' } | { kind: 'skipped'; status: string };

export async function runImport(ctx: AppContext, id: string): Promise<void> {
  for (;;) {
    const { more, after } = await ctx.db.transaction().execute((trx) => runChunk(ctx, trx, id));
    await askFor(ctx, after);
    if (!more) return;
  }
}

/** The safety net: every import left running (a crash, a redeploy, a job out of retries) goes on. */
export async function resumeImports(ctx: AppContext): Promise<number> {
  const running = await ctx.db.selectFrom('bulk_imports').select('id').where('status', '=', 'running').orderBy('confirmed_at').execute();
  for (const { id } of running) await runImport(ctx, id);
  return running.length;
}

async function runChunk(ctx: AppContext, trx: Transaction<DB>, id: string): Promise<{ more: boolean; after: JobRequest[] }> {
  const job = await trx.selectFrom('bulk_imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!job || job.status !== 'running' || job.mode === null) return { more: false, after: [] };
  const valid = (job.rows as CheckedRow[]).filter((r): r is CheckedRow & { input: ListingInput } => r.input !== null);
  const chunk = valid.slice(job.done_count, job.done_count + IMPORT_CHUNK);
  const facts: RunFacts = { importId: id, organisationId: job.organisation_id, mode: job.mode, owner: await ownerActor(trx, job.confirmed_by, job.organisation_id), confirmedBy: job.confirmed_by };
  const after: JobRequest[] = [];
  let created = 0;
  let updated = 0;
  const skipped: { row: number; reference: string; status: string }[] = [];
  for (const row of chunk) {
    const outcome = await writeRow(ctx, trx, facts, row, job.uploaded_by, after);
    if (outcome.kind === 'skipped') skipped.push({ row: row.row, reference: row.reference, status: outcome.status });
    else if (outcome.kind === 'created') created++;
    else updated++;
  }
  const doneCount = job.done_count + chunk.length;
  const finished = doneCount >= valid.length;
  await trx
    .updateTable('bulk_imports')
    .set((eb) => ({
      done_count: doneCount,
      created_count: eb('created_count', '+', created),
      updated_count: eb('updated_count', '+', updated),
      skipped: JSON.stringify([...(job.skipped as unknown[]), ...skipped]),
      ...(finished ? { status: 'done' as const, finished_at: ctx.clock() } : {}),
    }))
    .where('id', '=', id)
    .execute();
  return { more: !finished, after };
}

async function ownerActor(trx: Transaction<DB>, userId: string | null, organisationId: string): Promise<Actor | null> {
  if (!userId) return null;
  const u = await trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.platform_admin', 'o.id as organisation_id', 'o.type as organisation_type'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!u) return null;
  const actor: Actor = { userId: u.id, name: u.name, email: u.email, organisationId: u.organisation_id, organisationType: u.organisation_type, role: u.role, platformAdmin: u.platform_admin };
  return belongsTo(actor, organisationId) ? actor : null;
}

/**
 * One row: a new draft, or the draft an earlier import of the same reference wrote, updated. A
 * listing of that reference that is no longer a draft (submitted, published, …) is left as it is
 * and reported; its owner edits it on its page, through review.
 */
async function writeRow(ctx: AppContext, trx: Transaction<DB>, run: RunFacts, row: CheckedRow & { input: ListingInput }, uploadedBy: string, after: JobRequest[]): Promise<Outcome> {
  const existing = await trx
    .selectFrom('listings')
    .select(['id', 'status'])
    .where('organisation_id', '=', run.organisationId)
    .where('import_reference', '=', row.reference)
    .executeTakeFirst();
  if (existing && !WRITABLE.has(existing.status)) return { kind: 'skipped', status: existing.status };
  const now = ctx.clock();
  const listingId =
    existing?.id ??
    (
      await trx
        .insertInto('listings')
        .values({ ...listingColumns(row.input), organisation_id: run.organisationId, status: 'draft', import_reference: row.reference, created_by: uploadedBy, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const written = await runTransitionIn(ctx, trx, listingStore, listingId, {
    actor: run.owner,
    name: 'bulk_import',
    input: {},
    write: async (t) => {
      if (existing) await t.updateTable('listings').set(listingColumns(row.input)).where('id', '=', listingId).execute();
      return { importId: run.importId, row: row.row, reference: row.reference, created: !existing, ...(run.owner ? {} : { importedBy: run.confirmedBy }) };
    },
  });
  after.push(...written.after);
  // `import` publishes a draft only; a listing sent back for changes waits for its owner.
  const next = run.mode === 'submit' ? 'submit' : run.mode === 'publish' && existing?.status !== 'changes_requested' ? 'import' : null;
  if (next) {
    const moved = await runTransitionIn(ctx, trx, listingStore, listingId, { actor: run.owner, name: next, input: {} });
    after.push(...moved.after);
  }
  return { kind: existing ? 'updated' : 'created' };
}
