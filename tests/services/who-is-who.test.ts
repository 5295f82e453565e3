// Issue 13, "who is who": verification on evidence, removing a member, and what a curator sees
// before deciding on a listing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { actorFromSession, signIn } from '../../app/services/accounts.server.js';
import { ConflictError, InvalidInputError, PermissionError } from '../../app/services/errors.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { listingForReview } from '../../app/services/listing-review.server.js';
import { removeMember, listMembers } from '../../app/services/members.server.js';
import { actorFromApiToken, createApiToken } from '../../app/services/api-tokens.server.js';
import { createListing, getOwnListing, updateListing } from '../../app/services/my-listings.server.js';
import { decideVerification, organisationForVerification, ownVerification, requestVerification, verificationDocument } from '../../app/services/verification.server.js';
import { AI_OFFER, WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const CONTACT = { contactName: 'Trần Thị Bình', contactRole: 'Kế toán trưởng', contactPhone: '0912 345 678', contactEmail: '' };

let market: TestMarket;
let uni: string;
let firm: string;
let admin: Actor;
let member: Actor;
let curator: Actor;
let firmAdmin: Actor;
let memberToken: string;

async function session(email: string): Promise<{ actor: Actor; token: string }> {
  const { token } = await signIn(market.ctx, { email, password: PASSWORD }, { ip: '127.0.0.1' });
  return { actor: (await actorFromSession(market.ctx, token))!, token };
}

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  uni = await createOrganisation(market.db, { slug: 'dh-w', name: 'Đại học W', type: 'university', taxCode: '0100000031' });
  firm = await createOrganisation(market.db, { slug: 'cty-w', name: 'Công ty W', type: 'enterprise', taxCode: '0100000032' });
  const agency = await createOrganisation(market.db, { slug: 'so-w', name: 'Sở KH&CN W', type: 'agency', taxCode: '0100000033', verified: true });
  await createUser(market.db, { email: 'admin@w.vn', name: 'Lê Quản Trị', organisationId: uni, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'member@w.vn', name: 'Đỗ Thành Viên', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'admin@cty-w.vn', organisationId: firm, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'curator@w.vn', organisationId: agency, passwordHash });
  admin = (await session('admin@w.vn')).actor;
  const m = await session('member@w.vn');
  member = m.actor;
  memberToken = m.token;
  curator = (await session('curator@w.vn')).actor;
  firmAdmin = (await session('admin@cty-w.vn')).actor;
});

afterAll(() => market?.close());

describe('verifying an organisation on evidence', () => {
  it('takes the registration document and a contact person from an admin only, and checks both', async () => {
    await expect(requestVerification(market.ctx, member, CONTACT, { name: 'dkkd.pdf', type: 'application/pdf', bytes: PDF })).rejects.toBeInstanceOf(PermissionError);
    const noContact = await requestVerification(market.ctx, admin, { ...CONTACT, contactPhone: '' }, { name: 'dkkd.pdf', type: 'application/pdf', bytes: PDF }).catch((e) => e);
    expect((noContact as InvalidInputError).fieldErrors.contactPhone).toEqual([{ code: 'contact_required' }]);
    const html = await requestVerification(market.ctx, admin, CONTACT, { name: 'dkkd.pdf', type: '', bytes: new TextEncoder().encode('<html>') }).catch((e) => e);
    expect((html as InvalidInputError).fieldErrors.document).toEqual([{ code: 'evidence_type' }]);
    expect(await market.db.selectFrom('verification_requests').select('id').execute()).toEqual([]);
  });

  it('shows the curator the evidence and the tax code, and records what was checked when verifying', async () => {
    await requestVerification(market.ctx, admin, CONTACT, { name: 'Giấy ĐKKD.pdf', type: 'application/pdf', bytes: PDF });
    // One request waits at a time.
    const again = await requestVerification(market.ctx, admin, CONTACT, { name: 'dkkd.pdf', type: 'application/pdf', bytes: PDF }).catch((e) => e);
    expect((again as ConflictError).problem.code).toBe('verification_pending');

    const seen = await organisationForVerification(market.ctx, curator, uni);
    expect(seen.taxCode).toBe('0100000031');
    expect(seen.registries.map((r) => r.url)).toEqual(['https://dangkykinhdoanh.gov.vn', 'https://tracuunnt.gdt.gov.vn/tcnnt/mstdn.jsp']);
    expect(seen.pending).toMatchObject({ documentName: 'Giấy ĐKKD.pdf', contactName: 'Trần Thị Bình', contactRole: 'Kế toán trưởng', contactPhone: '0912 345 678', contactEmail: null, submittedBy: 'Lê Quản Trị' });
    const file = await verificationDocument(market.ctx, curator, seen.pending!.id);
    expect(Buffer.from(file.data).equals(Buffer.from(PDF))).toBe(true);
    await expect(verificationDocument(market.ctx, firmAdmin, seen.pending!.id)).rejects.toThrow();
    await expect(verificationDocument(market.ctx, member, seen.pending!.id)).rejects.toThrow();

    await expect(organisationForVerification(market.ctx, admin, uni)).rejects.toBeInstanceOf(PermissionError);
    await decideVerification(market.ctx, curator, uni, { decision: 'verify', checks: ['name_matches_registration', 'tax_code_active'], note: 'Tra cứu ngày 28/11' });
    const after = await organisationForVerification(market.ctx, curator, uni);
    expect(after.verifiedAt).not.toBeNull();
    expect(after.pending).toBeNull();
    expect(after.requests[0]).toMatchObject({ state: 'verified', checks: ['name_matches_registration', 'tax_code_active'], note: 'Tra cứu ngày 28/11', decidedBy: curator.name });
    const audit = await market.db.selectFrom('audit_events').select(['action', 'payload', 'actor_id']).where('entity_id', '=', uni).where('action', '=', 'verify').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: curator.userId, payload: { checks: ['name_matches_registration', 'tax_code_active'] } });
    expect((await ownVerification(market.ctx, admin)).mayRequest).toBe(false);
  });

  it('refuses with a reason the admin reads, and never verifies without a request', async () => {
    const none = await decideVerification(market.ctx, curator, firm, { decision: 'verify', checks: ['tax_code_active'] }).catch((e) => e);
    expect((none as ConflictError).problem.code).toBe('no_verification_request');
    await requestVerification(market.ctx, firmAdmin, { ...CONTACT, contactPhone: '', contactEmail: 'ketoan@cty-w.vn' }, { name: 'scan.jpg', type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) });
    const noReason = await decideVerification(market.ctx, curator, firm, { decision: 'refuse', checks: [] }).catch((e) => e);
    expect((noReason as InvalidInputError).fieldErrors.reason).toEqual([{ code: 'reason_required' }]);
    await decideVerification(market.ctx, curator, firm, { decision: 'refuse', checks: 'contact_reached', reason: 'Tên trên giấy đăng ký khác tên tổ chức.' });
    const own = await ownVerification(market.ctx, firmAdmin);
    expect(own).toMatchObject({ mayRequest: true, latest: { state: 'refused', reason: 'Tên trên giấy đăng ký khác tên tổ chức.' } });
    expect((await market.db.selectFrom('organisations').select('verified_at').where('id', '=', firm).executeTakeFirstOrThrow()).verified_at).toBeNull();
  });
});

describe('removing a member', () => {
  it('ends their sessions and their acting for the organisation, and keeps their name on what they did', async () => {
    const created = await createListing(market.ctx, member, { ...WASTEWATER_OFFER, title: 'Màng lọc gốm cho nước giếng' });
    await applyListingTransition(market.ctx, member, created.id, 'submit');
    const { token: apiToken } = await createApiToken(market.ctx, member, { name: 'Máy chủ nội bộ', scope: 'read' });
    expect((await actorFromApiToken(market.ctx, apiToken, 'GET')).userId).toBe(member.userId);
    await expect(removeMember(market.ctx, member, admin.userId)).rejects.toBeInstanceOf(PermissionError);
    await expect(removeMember(market.ctx, firmAdmin, member.userId)).rejects.toThrow(/not_found/);

    await removeMember(market.ctx, admin, member.userId);
    expect(await actorFromSession(market.ctx, memberToken)).toBeNull();
    // Nor through an API token.
    await expect(actorFromApiToken(market.ctx, apiToken, 'GET')).rejects.toThrow(/api_token_invalid/);
    await expect(signIn(market.ctx, { email: 'member@w.vn', password: PASSWORD }, { ip: '127.0.0.2' })).rejects.toBeInstanceOf(InvalidInputError);
    expect((await listMembers(market.ctx, admin)).members.map((m) => m.name)).toEqual(['Lê Quản Trị']);
    const history = (await getOwnListing(market.ctx, admin, created.id)).history;
    expect(history.find((h) => h.action === 'submit')?.by).toBe('Đỗ Thành Viên');
    expect(await market.db.selectFrom('audit_events').select('actor_id').where('entity_id', '=', member.userId).where('action', '=', 'remove_member').executeTakeFirst()).toEqual({ actor_id: admin.userId });
  });

  it('does not let the last admin remove themself', async () => {
    const last = await removeMember(market.ctx, admin, admin.userId).catch((e) => e);
    expect(last).toBeInstanceOf(ConflictError);
    expect((last as ConflictError).problem.code).toBe('last_admin');
    expect(await actorFromSession(market.ctx, (await session('admin@w.vn')).token)).not.toBeNull();
  });
});

describe("the curator's review of a listing", () => {
  it('shows every public field, the organisation, the diff on resubmission and near-duplicates on the market', async () => {
    const published = await createListing(market.ctx, firmAdmin, { ...AI_OFFER, title: 'Vietnamese OCR for scanned administrative forms' });
    await applyListingTransition(market.ctx, firmAdmin, published.id, 'submit');
    await applyListingTransition(market.ctx, curator, published.id, 'approve');

    const listing = await createListing(market.ctx, admin, {
      ...AI_OFFER,
      title: 'Vietnamese OCR for scanned administrative documents',
      innovation: 'Reads handwritten diacritics',
      keywords: ['OCR', 'chữ viết tay'],
      transferModes: ['licence_exclusive', 'joint_development'],
    });
    await applyListingTransition(market.ctx, admin, listing.id, 'submit');
    const first = await listingForReview(market.ctx, curator, listing.id);
    expect(first.resubmitted).toBeNull();
    expect(first.preview).toMatchObject({ transferModes: ['licence_exclusive', 'joint_development'], keywords: ['OCR', 'chữ viết tay'], innovation: 'Reads handwritten diacritics', ipStatus: 'copyright' });
    expect(first.organisation).toMatchObject({ name: 'Đại học W', taxCode: '0100000031' });
    expect(first.organisation.verifiedAt).not.toBeNull();
    expect(first.nearDuplicates.map((d) => d.id)).toEqual([published.id]);
    expect(first.nearDuplicates[0]!.similarity).toBeGreaterThanOrEqual(40);

    await applyListingTransition(market.ctx, curator, listing.id, 'request_changes', { reason: 'Nêu rõ độ chính xác.' });
    const { version } = await getOwnListing(market.ctx, admin, listing.id);
    await updateListing(market.ctx, admin, listing.id, { ...AI_OFFER, title: 'Vietnamese OCR for scanned administrative documents', summary: 'OCR with 99% accuracy on scanned forms.', innovation: 'Reads handwritten diacritics', keywords: ['OCR', 'chữ viết tay'], transferModes: ['licence_exclusive', 'joint_development'] }, version);
    await applyListingTransition(market.ctx, admin, listing.id, 'submit');
    const again = await listingForReview(market.ctx, curator, listing.id);
    expect(again.resubmitted?.decision).toBe('request_changes');
    expect(again.lastReviewed?.input.summary).toBe(AI_OFFER.summary);
    expect(again.listing.input.summary).toBe('OCR with 99% accuracy on scanned forms.');
  });

  it('lists no near-duplicate for a listing unlike anything on the market', async () => {
    const listing = await createListing(market.ctx, admin, { ...WASTEWATER_OFFER, title: 'Giống lúa chịu mặn cho đồng bằng', summary: 'Giống lúa chịu mặn 6‰, năng suất 6 tấn/ha.' });
    await applyListingTransition(market.ctx, admin, listing.id, 'submit');
    expect((await listingForReview(market.ctx, curator, listing.id)).nearDuplicates).toEqual([]);
  });
});
