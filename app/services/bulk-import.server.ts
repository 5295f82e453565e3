// Bulk import of offers, as use cases: upload a file (checked and kept for the preview, nothing
// written), read the preview, confirm (the rows are then written by the `bulk-import` job, see
// bulk-import-run.server.ts). Who may: app/domain/access.ts. Why this way: docs/decisions/023-bulk-import.md.
import { createHash } from 'node:crypto';
import { importModesFor, mayBulkImport, mayCurate } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { checkSheet, type CheckedRow, type ImportMode } from '../domain/bulk-import.js';
import type { FieldProblems } from '../domain/problem.js';
import type { AppContext } from '../context.server.js';
import { importTemplate, readSheet } from './bulk-import-file.server.js';
import { ConflictError, InvalidInputError, NotFoundError, PermissionError } from './errors.js';
import { askFor } from './jobs.server.js';
import { isUuid } from './listings.server.js';

export interface ImportView {
  id: string;
  organisation: { id: string; name: string };
  fileName: string;
  status: 'staged' | 'running' | 'done';
  mode: ImportMode | null;
  rowCount: number;
  validCount: number;
  doneCount: number;
  createdCount: number;
  updatedCount: number;
  skipped: { row: number; reference: string; status: string }[];
  rows: { row: number; reference: string; title: string; valid: boolean; errors: FieldProblems }[];
  /** What this person may choose on confirming. */
  modes: ImportMode[];
  /** The import is for this person's own organisation (else: a curator's, for another). */
  own: boolean;
}

async function organisationOf(ctx: AppContext, id: string) {
  if (!isUuid(id)) return null;
  return (await ctx.db.selectFrom('organisations').select(['id', 'name', 'type']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The organisations a curator may import for, by name. */
export async function importingOrganisations(ctx: AppContext, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!mayCurate(actor)) throw new PermissionError('forbidden_curator');
  return ctx.db.selectFrom('organisations').select(['id', 'name']).where('type', 'in', ['university', 'institute']).orderBy('name').execute();
}

/** Whether this person may import for their own organisation (the link on their listings page). */
export const mayImportForOwn = (actor: Actor) => mayBulkImport(actor, { id: actor.organisationId, type: actor.organisationType });

/**
 * Reads and checks an uploaded file and keeps its rows for the preview; writes no listing. A file
 * that cannot be imported at all (unreadable, over 1,000 rows, a required column missing) is a
 * field error on `file`.
 */
export async function stageImport(ctx: AppContext, actor: Actor, organisationId: string, file: { name: string; bytes: Uint8Array } | null): Promise<{ id: string }> {
  const organisation = await organisationOf(ctx, organisationId);
  if (!organisation) throw new NotFoundError('organisation', organisationId);
  if (!mayBulkImport(actor, organisation)) throw new PermissionError(mayCurate(actor) ? 'forbidden' : 'forbidden_org_admin');
  if (!file || file.bytes.length === 0) throw new InvalidInputError({ file: [{ code: 'file_required' }] });
  const checked = checkSheet(await readSheet(file));
  if (checked.problems.length) throw new InvalidInputError({ file: checked.problems });
  const valid = checked.rows.filter((r) => r.input !== null).length;
  return ctx.db
    .insertInto('bulk_imports')
    .values({
      organisation_id: organisation.id,
      uploaded_by: actor.userId,
      file_name: file.name.slice(0, 200),
      file_sha256: createHash('sha256').update(file.bytes).digest('hex'),
      rows: JSON.stringify(checked.rows),
      row_count: checked.rows.length,
      valid_count: valid,
      created_at: ctx.clock(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function readImport(ctx: AppContext, actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFoundError('page', id);
  const row = await ctx.db
    .selectFrom('bulk_imports as b')
    .innerJoin('organisations as o', 'o.id', 'b.organisation_id')
    .selectAll('b')
    .select(['o.name as organisation_name', 'o.type as organisation_type'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  // Another organisation's import is not this person's to know of.
  if (!row || !mayBulkImport(actor, { id: row.organisation_id, type: row.organisation_type })) throw new NotFoundError('page', id);
  return row;
}

/** The preview (every row, every error with its row and field), or the progress once confirmed. */
export async function getImport(ctx: AppContext, actor: Actor, id: string): Promise<ImportView> {
  const row = await readImport(ctx, actor, id);
  const rows = row.rows as CheckedRow[];
  return {
    id: row.id,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    fileName: row.file_name,
    status: row.status,
    mode: row.mode,
    rowCount: row.row_count,
    validCount: row.valid_count,
    doneCount: row.done_count,
    createdCount: row.created_count,
    updatedCount: row.updated_count,
    skipped: row.skipped as ImportView['skipped'],
    rows: rows.map((r) => ({ row: r.row, reference: r.reference, title: r.title, valid: r.input !== null, errors: r.errors })),
    modes: row.status === 'staged' ? importModesFor(actor, { id: row.organisation_id, type: row.organisation_type }) : [],
    own: row.organisation_id === actor.organisationId,
  };
}

/** Confirms a previewed import: its valid rows are written by the job, once. */
export async function confirmImport(ctx: AppContext, actor: Actor, id: string, mode: string): Promise<void> {
  const row = await readImport(ctx, actor, id);
  const modes = importModesFor(actor, { id: row.organisation_id, type: row.organisation_type });
  if (!modes.includes(mode as ImportMode)) throw new InvalidInputError({ mode: [{ code: 'choose_one' }] });
  const now = ctx.clock();
  const done = row.valid_count === 0;
  const confirmed = await ctx.db
    .updateTable('bulk_imports')
    .set({ status: done ? 'done' : 'running', mode: mode as ImportMode, confirmed_by: actor.userId, confirmed_at: now, finished_at: done ? now : null })
    .where('id', '=', id)
    .where('status', '=', 'staged')
    .executeTakeFirst();
  if (Number(confirmed.numUpdatedRows) === 0) throw new ConflictError('import_already_confirmed', undefined, 'wrong_state');
  if (!done) await askFor(ctx, [['bulk-import', { id }]]);
}

/** The page that uploads for one's own organisation: its admins, at a university or institute. */
export function requireOwnImport(actor: Actor): void {
  if (!mayImportForOwn(actor)) throw new PermissionError('forbidden_org_admin');
}

/** The template, for whoever may import (for their organisation, or as a curator). */
export async function templateFor(actor: Actor, format: string, lang: 'vi' | 'en') {
  if (!mayImportForOwn(actor) && !mayCurate(actor)) throw new PermissionError('forbidden_org_admin');
  return importTemplate(format === 'csv' ? 'csv' : 'xlsx', lang);
}

/** A curator's import for the organisation chosen (the curator's page; an admin uses their own). */
export async function stageImportAsCurator(ctx: AppContext, actor: Actor, organisationId: string, file: { name: string; bytes: Uint8Array } | null): Promise<{ id: string }> {
  if (!mayCurate(actor)) throw new PermissionError('forbidden_curator');
  return stageImport(ctx, actor, organisationId, file);
}
