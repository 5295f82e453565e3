// Deals on the real database: interest, the answer within Vietnamese working days, the NDA, term
// sheets, and races between two people acting at once. The clock is injected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { ConflictError, InvalidInputError, NotFoundError, PermissionError } from '../../app/services/errors.js';
import { termSheetSchema } from '../../app/domain/deal-terms.js';
import { contentSha256 } from '../../app/services/content-hash.server.js';
import { getDealFile, postDealMessage } from '../../app/services/deal-messages.server.js';
import { NDA_SHA256, expressInterest, proposeTerms, takeDealTransition } from '../../app/services/deals.server.js';
import { consentToIntroduction, introduce } from '../../app/services/deal-introductions.server.js';
import { listMyDeals } from '../../app/services/deal-inbox.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { listNotifications } from '../../app/services/notifications.server.js';
import { runDueTimers } from '../../app/services/process-timers.server.js';
import { SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
// Monday 30 November 2026, 10:00 in Viet Nam.
let now = new Date('2026-11-30T03:00:00Z');
let sme: Actor;
let smeAdmin: Actor;
let lab: Actor;
let curator: Actor;
let stranger: Actor;
let offer: string;

const actor = (userId: string, organisationId: string, organisationType: Actor['organisationType'], role: Actor['role'] = 'member'): Actor => ({
  userId, name: userId, email: `${userId}@x.vn`, organisationId, organisationType, role, platformAdmin: false,
});

const INTEREST = {
  cooperation: 'Chúng tôi cần chuyển giao công nghệ cho trại tôm 400 m³/ngày.',
  unclear: 'Chi phí vận hành màng mỗi năm?',
  aboutUs: 'Công ty nuôi tôm tại Cà Mau, 120 ha ao nuôi.',
  transferMode: 'turnkey',
  priceIndication: 1_300_000_000,
};
const TERMS = (price: number) => ({
  subject: 'Chuyển giao hệ thống MBR cho nước thải ao tôm',
  transferMode: 'turnkey',
  exclusive: false,
  territory: 'Cà Mau',
  fieldOfUse: 'Nuôi trồng thủy sản',
  durationMonths: 24,
  price,
  milestones: [
    { amount: price / 2, condition: 'Khi ký hợp đồng', deliverable: 'Thiết kế chi tiết' },
    { amount: price / 2, condition: 'Khi nghiệm thu', deliverable: 'Hệ thống vận hành' },
  ],
  warranty: '12 tháng',
  disputeResolution: 'mediation',
  validDays: 14,
});

/** A deal on a fresh offer of the lab: one open deal per organisation and listing. */
async function openDeal(): Promise<string> {
  const listing = (await importPublishedListings(market.ctx, lab.organisationId, [SHRIMP_OFFER])).ids[0]!;
  const { id } = await expressInterest(market.ctx, sme, listing, INTEREST);
  return id;
}

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  const smeOrg = await createOrganisation(market.db, { slug: 'tom-ca-mau', name: 'Tôm Cà Mau', type: 'enterprise', taxCode: '0100000041' });
  const labOrg = await createOrganisation(market.db, { slug: 'vien-mang', name: 'Viện Màng Lọc', type: 'institute', taxCode: '0100000042' });
  const agency = await createOrganisation(market.db, { slug: 'so-d', name: 'Sở KH&CN D', type: 'agency', taxCode: '0100000043' });
  const otherOrg = await createOrganisation(market.db, { slug: 'khac', name: 'Công ty khác', type: 'enterprise', taxCode: '0100000044' });
  sme = actor(await createUser(market.db, { email: 'sme@d.vn', organisationId: smeOrg, passwordHash: 'x' }), smeOrg, 'enterprise');
  smeAdmin = actor(await createUser(market.db, { email: 'boss@d.vn', organisationId: smeOrg, passwordHash: 'x', role: 'admin' }), smeOrg, 'enterprise', 'admin');
  lab = actor(await createUser(market.db, { email: 'lab@d.vn', organisationId: labOrg, passwordHash: 'x' }), labOrg, 'institute');
  curator = actor(await createUser(market.db, { email: 'cur@d.vn', organisationId: agency, passwordHash: 'x' }), agency, 'agency');
  stranger = actor(await createUser(market.db, { email: 'other@d.vn', organisationId: otherOrg, passwordHash: 'x' }), otherOrg, 'enterprise');
  offer = (await importPublishedListings(market.ctx, labOrg, [SHRIMP_OFFER])).ids[0]!;
});

afterAll(() => market?.close());

const deal = (id: string) => market.db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('interest', () => {
  it('opens an inquiry to the owner, due in 10 working days, and a second attempt opens the same deal', async () => {
    const { id } = await expressInterest(market.ctx, sme, offer, INTEREST);
    const row = await deal(id);
    expect(row).toMatchObject({ stage: 'inquiry', buyer_organisation_id: sme.organisationId, seller_organisation_id: lab.organisationId, owner: 'seller' });
    // From Monday 30/11 (the day itself does not count): the tenth working day is Monday 14/12,
    // and the deadline is the end of that day in Viet Nam.
    expect(row.answer_due_at!.toISOString()).toBe('2026-12-14T16:59:59.999Z');
    expect(await listNotifications(market.ctx, lab)).toContainEqual(expect.objectContaining({ kind: 'deal_interest', link: `/deals/${id}` }));
    expect(await expressInterest(market.ctx, smeAdmin, offer, INTEREST)).toEqual({ id, existing: true });
    await takeDealTransition(market.ctx, sme, id, 'withdraw', { reason: 'Thử lại sau' });
  });

  it('lets exactly one of two interests sent at once from one organisation open a deal', async () => {
    const [a, b] = await Promise.all([expressInterest(market.ctx, sme, offer, INTEREST), expressInterest(market.ctx, smeAdmin, offer, INTEREST)]);
    expect(a.id).toBe(b.id);
    expect([a.existing, b.existing].sort()).toEqual([false, true]);
    await takeDealTransition(market.ctx, sme, a.id, 'withdraw', { reason: 'Trùng' });
  });

  it('refuses interest in one’s own listing, from the agency, bad input, and a listing that is not public', async () => {
    await expect(expressInterest(market.ctx, lab, offer, INTEREST)).rejects.toBeInstanceOf(InvalidInputError);
    const bad = await expressInterest(market.ctx, sme, offer, { ...INTEREST, cooperation: 'ngắn', priceIndication: -5 }).catch((e) => e);
    expect(Object.keys((bad as InvalidInputError).fieldErrors).sort()).toEqual(['cooperation', 'priceIndication']);
    await expect(expressInterest(market.ctx, sme, '00000000-0000-4000-8000-000000000000', INTEREST)).rejects.toBeInstanceOf(NotFoundError);
    // The agency introduces parties; it is never one.
    const agency = await expressInterest(market.ctx, curator, offer, INTEREST).catch((e) => e);
    expect(agency).toBeInstanceOf(PermissionError);
    expect((agency as PermissionError).problem.code).toBe('agency_not_party');
    expect(await market.db.selectFrom('deals').select('id').where('listing_id', '=', offer).where('stage', 'in', ['opening', 'inquiry']).execute()).toEqual([]);
  });
});

describe('a deal from interest to agreement', () => {
  it('goes through answer, NDA and two rounds of terms, each step by its own side', async () => {
    const id = await openDeal();
    await expect(takeDealTransition(market.ctx, sme, id, 'accept')).rejects.toBeInstanceOf(PermissionError);
    await expect(takeDealTransition(market.ctx, stranger, id, 'accept')).rejects.toBeInstanceOf(NotFoundError);
    await takeDealTransition(market.ctx, lab, id, 'accept');
    await takeDealTransition(market.ctx, lab, id, 'propose_nda');
    await expect(takeDealTransition(market.ctx, lab, id, 'accept_nda')).rejects.toBeInstanceOf(PermissionError);
    await takeDealTransition(market.ctx, sme, id, 'accept_nda');
    const acceptances = await market.db.selectFrom('nda_acceptances').select(['party', 'text_sha256']).where('deal_id', '=', id).orderBy('party').execute();
    expect(acceptances).toEqual([{ party: 'buyer', text_sha256: NDA_SHA256 }, { party: 'seller', text_sha256: NDA_SHA256 }]);

    const bad = await proposeTerms(market.ctx, sme, id, { ...TERMS(1_000_000_000), milestones: [{ amount: 1, condition: 'Khi ký', deliverable: 'Thiết kế' }] }).catch((e) => e);
    expect((bad as InvalidInputError).fieldErrors.milestones).toEqual([{ code: 'milestones_sum', params: { total: 1, price: 1_000_000_000 } }]);
    const first = await proposeTerms(market.ctx, sme, id, TERMS(1_000_000_000));
    expect(first.termsVersion).toBe(1);
    await expect(takeDealTransition(market.ctx, sme, id, 'accept_terms', { termsVersion: 1 })).rejects.toBeInstanceOf(PermissionError);
    const counter = await proposeTerms(market.ctx, lab, id, TERMS(1_400_000_000));
    expect(counter.termsVersion).toBe(2);
    const stale = await takeDealTransition(market.ctx, sme, id, 'accept_terms', { termsVersion: 1 }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).problem).toEqual({ code: 'terms_superseded', params: { version: 2 } });
    await takeDealTransition(market.ctx, sme, id, 'accept_terms', { termsVersion: 2 });

    const row = await deal(id);
    expect(row.stage).toBe('agreed');
    // The agreed version is frozen with the hash of its canonical content: the counter-proposal's, not the first.
    const agreedTerms = termSheetSchema.parse(TERMS(1_400_000_000));
    expect(row.agreed_terms_version).toBe(2);
    expect(row.agreed_terms_sha256).toBe(contentSha256(agreedTerms));
    expect(row.agreed_terms_sha256).not.toBe(contentSha256(termSheetSchema.parse(TERMS(1_000_000_000))));
    await expect(market.db.updateTable('deals').set({ agreed_terms_sha256: '0'.repeat(64) }).where('id', '=', id).execute()).rejects.toThrow(/frozen/);
    expect(row.accepted_at).not.toBeNull();
    expect(row.agreed_at).not.toBeNull();
    const timeline = await market.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'deal').where('entity_id', '=', id).orderBy('id').execute();
    expect(timeline.map((e) => e.action)).toEqual(['express_interest', 'accept', 'propose_nda', 'accept_nda', 'propose_terms', 'propose_terms', 'accept_terms']);
    expect((await listNotifications(market.ctx, lab)).map((n) => n.kind)).toContain('deal_agreed');
  });

  it('keeps term sheets immutable in the database', async () => {
    await expect(market.db.updateTable('term_sheets').set({ price: 1 }).execute()).rejects.toThrow(/immutable/);
  });
});

describe('two people at once', () => {
  async function negotiating(): Promise<{ id: string; version: number }> {
    const id = await openDeal();
    await takeDealTransition(market.ctx, lab, id, 'accept');
    await proposeTerms(market.ctx, lab, id, TERMS(1_200_000_000));
    return { id, version: (await deal(id)).version };
  }

  it('an acceptance against a counter-proposal: exactly one is applied, the other hears why', async () => {
    const { id, version } = await negotiating();
    const results = await Promise.allSettled([
      takeDealTransition(market.ctx, sme, id, 'accept_terms', { termsVersion: 1, version }),
      proposeTerms(market.ctx, lab, id, TERMS(1_500_000_000), version),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    const row = await deal(id);
    const sheets = await market.db.selectFrom('term_sheets').select('version').where('deal_id', '=', id).execute();
    // Either the deal is agreed on version 1 and no version 2 exists, or it is still negotiating with version 2.
    expect(row.stage === 'agreed' ? sheets.length === 1 : row.stage === 'negotiating' && sheets.length === 2).toBe(true);
  });

  it('both members of the buyer accepting at once: one acceptance, one 409', async () => {
    const { id, version } = await negotiating();
    const results = await Promise.allSettled([
      takeDealTransition(market.ctx, sme, id, 'accept_terms', { termsVersion: 1, version }),
      takeDealTransition(market.ctx, smeAdmin, id, 'accept_terms', { termsVersion: 1, version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as ConflictError).problem.code).toBe('changed_meanwhile');
    const accepted = await market.db.selectFrom('audit_events').select('id').where('entity_id', '=', id).where('action', '=', 'accept_terms').execute();
    expect(accepted).toHaveLength(1);
  });
});

describe('deadlines, counted in Vietnamese working days', () => {
  it('reminds the owner 3 working days ahead, then expires the inquiry and tells the curators', async () => {
    now = new Date('2026-12-01T03:00:00Z');
    const id = await openDeal();
    // Messages do not stop the clock.
    await postDealMessage(market.ctx, lab, id, { body: 'Công suất cần là bao nhiêu?' });
    // Due at the end of Tuesday 15/12; the reminder, 3 working days before, at the end of Thursday 10/12.
    now = new Date('2026-12-11T03:00:00Z');
    await runDueTimers(market.ctx);
    expect((await deal(id)).stage).toBe('inquiry');
    expect((await listNotifications(market.ctx, lab)).some((n) => n.kind === 'deal_answer_due')).toBe(true);
    now = new Date('2026-12-16T03:00:00Z');
    await runDueTimers(market.ctx);
    expect((await deal(id)).stage).toBe('expired');
    expect((await listNotifications(market.ctx, curator)).map((n) => n.kind)).toContain('deal_expired');
    expect((await listNotifications(market.ctx, sme)).some((n) => n.kind === 'deal_expired')).toBe(true);
  });

  it('does nothing when the owner answered in time', async () => {
    now = new Date('2026-12-16T03:00:00Z');
    const id = await openDeal();
    await takeDealTransition(market.ctx, lab, id, 'accept');
    now = new Date('2027-01-20T03:00:00Z');
    await runDueTimers(market.ctx);
    expect((await deal(id)).stage).toBe('negotiating');
    await takeDealTransition(market.ctx, curator, id, 'terminate', { reason: 'Bên mua ngừng hoạt động' });
    expect((await deal(id)).stage).toBe('terminated');
  });
});

describe('a curator’s introduction', () => {
  it('opens straight into negotiation once both sides consent, in either order', async () => {
    now = new Date('2027-02-01T03:00:00Z');
    const demand = (await importPublishedListings(market.ctx, sme.organisationId, [{ ...SHRIMP_OFFER, kind: 'demand', ipStatus: null, title: 'Cần xử lý nước thải ao tôm' }])).ids[0]!;
    const offerId = (await importPublishedListings(market.ctx, lab.organisationId, [SHRIMP_OFFER])).ids[0]!;
    await expect(introduce(market.ctx, sme, { demandId: demand, offerId, note: 'Hai bên rất phù hợp.' })).rejects.toBeInstanceOf(PermissionError);
    const { id } = await introduce(market.ctx, curator, { demandId: demand, offerId, note: 'Hai bên rất phù hợp về công suất.' });
    expect(await deal(id)).toMatchObject({ stage: 'introduced', buyer_organisation_id: sme.organisationId, seller_organisation_id: lab.organisationId });
    // Both inboxes say it waits for them.
    for (const side of [lab, sme]) expect((await listMyDeals(market.ctx, side)).awaitingYou.map((d) => d.id)).toContain(id);
    await consentToIntroduction(market.ctx, lab, id);
    expect((await listMyDeals(market.ctx, lab)).awaitingYou.map((d) => d.id)).not.toContain(id);
    expect((await deal(id)).stage).toBe('introduced');
    await expect(consentToIntroduction(market.ctx, lab, id)).rejects.toBeInstanceOf(PermissionError);
    await consentToIntroduction(market.ctx, sme, id);
    expect((await deal(id)).stage).toBe('negotiating');
  });

  it('lapses after 10 working days when a side has not consented', async () => {
    now = new Date('2027-03-01T03:00:00Z');
    const demand = (await importPublishedListings(market.ctx, sme.organisationId, [{ ...SHRIMP_OFFER, kind: 'demand', ipStatus: null, title: 'Cần màng lọc' }])).ids[0]!;
    const { id } = await introduce(market.ctx, curator, { demandId: demand, organisationId: lab.organisationId, note: 'Viện có thể giải quyết nhu cầu này.' });
    await consentToIntroduction(market.ctx, sme, id);
    now = new Date('2027-03-16T03:00:00Z');
    await runDueTimers(market.ctx);
    expect((await deal(id)).stage).toBe('expired');
  });
});

describe('two members of one side at once', () => {
  it('a member accepting terms a colleague has just countered gets a 409 that says the deal changed', async () => {
    const id = await openDeal();
    await takeDealTransition(market.ctx, lab, id, 'accept');
    await proposeTerms(market.ctx, lab, id, TERMS(1_200_000_000));
    const seen = (await deal(id)).version;
    // The buyer's admin counters while the member, on the page read before, accepts version 1.
    await proposeTerms(market.ctx, smeAdmin, id, TERMS(1_000_000_000), seen);
    const late = await takeDealTransition(market.ctx, sme, id, 'accept_terms', { termsVersion: 1, version: seen }).catch((e) => e);
    expect(late).toBeInstanceOf(ConflictError);
    expect((late as ConflictError).problem.code).toBe('changed_meanwhile');
  });
});

describe('files in the thread', () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it('keeps a message and its file together, for whoever sees the deal', async () => {
    const id = await openDeal();
    const { fileId } = await postDealMessage(market.ctx, lab, id, { body: 'Sơ đồ hệ thống' }, { name: 'so-do', type: 'image/png', bytes: PNG });
    expect(fileId).not.toBeNull();
    for (const who of [sme, smeAdmin, lab, curator]) {
      const file = await getDealFile(market.ctx, who, id, fileId!);
      expect(file.filename).toBe('so-do.png');
      expect(new Uint8Array(file.data)).toEqual(PNG);
    }
    await expect(getDealFile(market.ctx, stranger, id, fileId!)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a disguised file, and writes neither the message nor the file', async () => {
    const id = await openDeal();
    const refused = await postDealMessage(market.ctx, sme, id, { body: 'Tài liệu' }, { name: 'tai-lieu.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf') }).catch((e) => e);
    expect((refused as InvalidInputError).fieldErrors.file).toEqual([{ code: 'file_type' }]);
    expect(await market.db.selectFrom('deal_messages').select('id').where('deal_id', '=', id).execute()).toEqual([]);
  });
});
