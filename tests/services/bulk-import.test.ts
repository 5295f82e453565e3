// Bulk import against the real PostgreSQL: nothing is written before the admin confirms, the same
// file twice updates its drafts, the job writes through the listing process with an audit event
// per listing, and a CSV (with or without BOM) and an XLSX read alike.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { IMPORT_COLUMNS } from '../../app/domain/bulk-import-columns.js';
import { importTemplate } from '../../app/services/bulk-import-file.server.js';
import { confirmImport, getImport, stageImport } from '../../app/services/bulk-import.server.js';
import { reviewQueue } from '../../app/services/curation.server.js';
import { ConflictError, InvalidInputError, PermissionError } from '../../app/services/errors.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let admin: Actor;
let member: Actor;
let curator: Actor;
let enterpriseAdmin: Actor;
let uni: string;
let institute: string;

const VI = IMPORT_COLUMNS.map((c) => c.vi);
const EN = IMPORT_COLUMNS.map((c) => c.en);
/** An offer row: the template's example with its own reference and title. */
function offer(ref: string, title = `Công nghệ màng lọc số ${ref}`, changes: Record<string, string> = {}): string[] {
  return IMPORT_COLUMNS.map((c) => changes[c.field] ?? (c.field === 'reference' ? ref : c.field === 'title' ? title : c.example));
}
const csv = (headers: string[], rows: string[][], bom = false) => ({ name: 'chao-ban.csv', bytes: new TextEncoder().encode(`${bom ? '\ufeff' : ''}${Papa.unparse([headers, ...rows])}`) });

async function person(email: string, organisationId: string, type: Actor['organisationType'], role: 'member' | 'admin', platformAdmin = false): Promise<Actor> {
  const userId = await createUser(market.db, { email, organisationId, role, passwordHash: 'x' });
  return { userId, name: email, email, organisationId, organisationType: type, role, platformAdmin };
}

const listingsOf = (org: string) => market.db.selectFrom('listings').select(['id', 'title', 'status', 'import_reference', 'created_by']).where('organisation_id', '=', org).orderBy('import_reference').execute();
const auditOf = (ids: string[], action: string) =>
  ids.length ? market.db.selectFrom('audit_events').selectAll().where('entity_id', 'in', ids).where('action', '=', action).execute() : Promise.resolve([]);

beforeAll(async () => {
  market = await createTestMarket();
  uni = await createOrganisation(market.db, { slug: 'dh-bk', name: 'Đại học Bách khoa', type: 'university', taxCode: '0100000031' });
  institute = await createOrganisation(market.db, { slug: 'vien-cn', name: 'Viện Công nghệ', type: 'institute', taxCode: '0100000032' });
  const firm = await createOrganisation(market.db, { slug: 'cty', name: 'Công ty', type: 'enterprise', taxCode: '0100000033' });
  const agency = await createOrganisation(market.db, { slug: 'so', name: 'Sở KH&CN', type: 'agency', taxCode: '0100000034' });
  admin = await person('admin@bk.vn', uni, 'university', 'admin');
  member = await person('member@bk.vn', uni, 'university', 'member');
  enterpriseAdmin = await person('admin@cty.vn', firm, 'enterprise', 'admin');
  curator = await person('curator@so.vn', agency, 'agency', 'member');
});

afterAll(() => market?.close());

describe('preview', () => {
  it('shows all 20 faulty rows with their row numbers and fields, and writes nothing until confirmed', async () => {
    const faulty = Array.from({ length: 20 }, (_, i) => offer(`SAI-${i}`, `Tin lỗi số ${i}`, i % 2 ? { trl: '0' } : { sectors: '' }));
    const { id } = await stageImport(market.ctx, admin, uni, csv(VI, [offer('OK-1'), ...faulty, offer('OK-2')]));
    const view = await getImport(market.ctx, admin, id);
    const bad = view.rows.filter((r) => !r.valid);
    expect(bad.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
    for (const [i, r] of bad.entries()) expect(Object.keys(r.errors)).toEqual([i % 2 ? 'trl' : 'sectors']);
    expect(view).toMatchObject({ status: 'staged', rowCount: 22, validCount: 2, modes: ['draft', 'submit'] });
    expect(await listingsOf(uni)).toEqual([]);
    expect(await market.db.selectFrom('audit_events').select('id').where('action', '=', 'bulk_import').execute()).toEqual([]);

    await confirmImport(market.ctx, admin, id, 'draft');
    expect((await listingsOf(uni)).map((l) => [l.import_reference, l.status])).toEqual([
      ['OK-1', 'draft'],
      ['OK-2', 'draft'],
    ]);
    await expect(confirmImport(market.ctx, admin, id, 'draft')).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses 1,001 rows, and a file that is neither CSV nor XLSX, before keeping anything', async () => {
    const before = await market.db.selectFrom('bulk_imports').select('id').execute();
    const rows = Array.from({ length: 1001 }, (_, i) => offer(`N-${i}`));
    const refused = await stageImport(market.ctx, admin, uni, csv(EN, rows)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).fieldErrors.file).toEqual([{ code: 'import_too_many_rows', params: { max: 1000, count: 1001 } }]);
    const wrongType = await stageImport(market.ctx, admin, uni, { name: 'offers.xls', bytes: new Uint8Array([1, 2, 3]) }).catch((e: unknown) => e);
    expect((wrongType as InvalidInputError).fieldErrors.file).toEqual([{ code: 'import_file_type' }]);
    expect(await market.db.selectFrom('bulk_imports').select('id').execute()).toEqual(before);
  });
});

describe('files', () => {
  it('reads Vietnamese text from a CSV with and without BOM, with English headers, and from an XLSX', async () => {
    const title = 'Chế phẩm vi sinh xử lý bùn đáy ao nuôi tôm';
    const plain = await stageImport(market.ctx, admin, uni, csv(VI, [offer('VI-1', title)]));
    const bom = await stageImport(market.ctx, admin, uni, csv(EN, [offer('VI-1', title)], true));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Offers');
    sheet.addRow(VI.map((h) => h.toUpperCase()));
    sheet.addRow(offer('VI-1', title).map((c, i) => (IMPORT_COLUMNS[i]!.field === 'trl' ? 7 : c)));
    const xlsx = await stageImport(market.ctx, admin, uni, { name: 'chao-ban.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    for (const { id } of [plain, bom, xlsx]) {
      const view = await getImport(market.ctx, admin, id);
      expect(view.rows).toEqual([{ row: 2, reference: 'VI-1', title, valid: true, errors: {} }]);
    }
  });

  it('reads back its own template, in either language and format, as one valid offer', async () => {
    for (const [format, lang] of [['xlsx', 'en'], ['csv', 'vi']] as const) {
      const template = await importTemplate(format, lang);
      const { id } = await stageImport(market.ctx, admin, uni, { name: template.name, bytes: template.body });
      const view = await getImport(market.ctx, admin, id);
      expect(view.rows, `${format} ${lang}`).toEqual([{ row: 2, reference: 'VKHCN-2026-001', title: 'Công nghệ xử lý nước thải bằng màng sinh học', valid: true, errors: {} }]);
    }
  });
});

describe('import', () => {
  it('updates the drafts it created when the same file comes again, without duplicates, one audit event per listing each time', async () => {
    const first = await stageImport(market.ctx, admin, uni, csv(VI, [offer('RE-1'), offer('RE-2'), offer('RE-3')]));
    await confirmImport(market.ctx, admin, first.id, 'draft');
    const afterFirst = (await listingsOf(uni)).filter((l) => l.import_reference?.startsWith('RE-'));
    expect(afterFirst).toHaveLength(3);
    const ids = afterFirst.map((l) => l.id);
    const created = await auditOf(ids, 'bulk_import');
    expect(created).toHaveLength(3);
    expect(created.every((e) => e.actor_id === admin.userId && e.from_state === 'draft' && e.to_state === 'draft')).toBe(true);

    const again = await stageImport(market.ctx, admin, uni, csv(EN, [offer('RE-1', 'Tiêu đề đã sửa của RE-1'), offer('RE-2'), offer('RE-3')]));
    await confirmImport(market.ctx, admin, again.id, 'draft');
    const afterAgain = (await listingsOf(uni)).filter((l) => l.import_reference?.startsWith('RE-'));
    expect(afterAgain.map((l) => l.id)).toEqual(ids);
    expect(afterAgain[0]!.title).toBe('Tiêu đề đã sửa của RE-1');
    expect(await getImport(market.ctx, admin, again.id)).toMatchObject({ status: 'done', doneCount: 3, createdCount: 0, updatedCount: 3 });
    const audits = await auditOf(ids, 'bulk_import');
    expect(audits).toHaveLength(6);
    expect(ids.every((id) => audits.filter((a) => a.entity_id === id).length === 2)).toBe(true);
  });

  it('submits at once into the review queue, and then leaves the submitted listings alone on a re-import', async () => {
    const file = csv(VI, [offer('SUB-1'), offer('SUB-2')]);
    const staged = await stageImport(market.ctx, admin, uni, file);
    await confirmImport(market.ctx, admin, staged.id, 'submit');
    const listings = (await listingsOf(uni)).filter((l) => l.import_reference?.startsWith('SUB-'));
    expect(listings.map((l) => l.status)).toEqual(['pending_review', 'pending_review']);
    const queue = await reviewQueue(market.ctx, curator);
    expect(queue.map((q) => q.id)).toEqual(expect.arrayContaining(listings.map((l) => l.id)));
    expect(await auditOf(listings.map((l) => l.id), 'submit')).toHaveLength(2);

    const again = await stageImport(market.ctx, admin, uni, file);
    await confirmImport(market.ctx, admin, again.id, 'draft');
    expect(await getImport(market.ctx, admin, again.id)).toMatchObject({
      createdCount: 0,
      updatedCount: 0,
      skipped: [
        { row: 2, reference: 'SUB-1', status: 'pending_review' },
        { row: 3, reference: 'SUB-2', status: 'pending_review' },
      ],
    });
  });

  it('shows its progress while the job runs, and a run that was stopped resumes where it was, by the scheduled job', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => offer(`JOB-${String(i).padStart(2, '0')}`));
    const staged = await stageImport(market.ctx, admin, uni, csv(VI, rows));
    const queued: string[] = [];
    const slowCtx = { ...market.ctx, jobs: { enqueue: async (name: string) => void queued.push(name) } };
    await confirmImport(slowCtx, admin, staged.id, 'draft');
    expect(queued).toEqual(['bulk-import']);
    expect(await getImport(market.ctx, admin, staged.id)).toMatchObject({ status: 'running', doneCount: 0, validCount: 60 });
    // A run stopped after its first chunk: that chunk is counted, the rest waits for the scheduled
    // safety net (the job without an id), which resumes at row 26.
    await market.db.updateTable('bulk_imports').set({ done_count: 25 }).where('id', '=', staged.id).execute();
    await market.ctx.jobs.enqueue('bulk-import', {});
    expect(await getImport(market.ctx, admin, staged.id)).toMatchObject({ status: 'done', doneCount: 60, createdCount: 35 });
    expect((await listingsOf(uni)).filter((l) => l.import_reference?.startsWith('JOB-'))).toHaveLength(35);
  });
});

describe('who may import', () => {
  it('lets a curator import for an institute and publish at once, counted as imported and naming the curator', async () => {
    const staged = await stageImport(market.ctx, curator, institute, csv(VI, [offer('MIG-1')]));
    expect((await getImport(market.ctx, curator, staged.id)).modes).toEqual(['draft', 'publish']);
    await expect(confirmImport(market.ctx, curator, staged.id, 'submit')).rejects.toBeInstanceOf(InvalidInputError);
    await confirmImport(market.ctx, curator, staged.id, 'publish');
    const [listing] = await listingsOf(institute);
    expect(listing).toMatchObject({ status: 'published', import_reference: 'MIG-1', created_by: curator.userId });
    const [written] = await auditOf([listing!.id], 'bulk_import');
    expect(written!.payload).toMatchObject({ reference: 'MIG-1', created: true, importedBy: curator.userId });
    expect(await auditOf([listing!.id], 'import')).toHaveLength(1);
    expect(await auditOf([listing!.id], 'approve')).toHaveLength(0);
  });

  it('refuses members, enterprises and strangers', async () => {
    const file = csv(VI, [offer('X-1')]);
    await expect(stageImport(market.ctx, member, uni, file)).rejects.toBeInstanceOf(PermissionError);
    await expect(stageImport(market.ctx, enterpriseAdmin, enterpriseAdmin.organisationId, file)).rejects.toBeInstanceOf(PermissionError);
    await expect(stageImport(market.ctx, admin, institute, file)).rejects.toBeInstanceOf(PermissionError);
    const staged = await stageImport(market.ctx, admin, uni, file);
    await expect(getImport(market.ctx, member, staged.id)).rejects.toMatchObject({ kind: 'hidden' });
    await expect(getImport(market.ctx, enterpriseAdmin, staged.id)).rejects.toMatchObject({ kind: 'hidden' });
  });
});
