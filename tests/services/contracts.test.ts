// Contracts and milestones on the real database: generated when a deal is agreed, completed by
// the parties, signed by their authorised signers (click-through or a digital signature on the
// generated PDF), then paid by bank transfer, delivered and accepted, the last by the timer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import type { ContractContent } from '../../app/domain/contract.js';
import { contractText } from '../../app/domain/contract-text.js';
import { contractSha256 } from '../../app/services/contract-document.server.js';
import { confirmPaperScan, contractPdf, paperScan, signContractDigitally, uploadPaperScan } from '../../app/services/contract-files.server.js';
import { currentContent, reviseContract, signContract } from '../../app/services/contracts.server.js';
import { expressInterest, proposeTerms, takeDealTransition } from '../../app/services/deals.server.js';
import { ConflictError, InvalidInputError, PermissionError } from '../../app/services/errors.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { takeMilestoneTransition } from '../../app/services/milestones.server.js';
import { runDueTimers } from '../../app/services/process-timers.server.js';
import { SHRIMP_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { TERMS } from '../support/completed-deal.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { signPdf, signingIdentity } from '../support/sign-pdf.js';

let market: TestMarket;
let now = new Date('2026-12-01T03:00:00Z');
let smeMember: Actor;
let smeAdmin: Actor;
let labAdmin: Actor;
let labOrg: string;

const actor = (userId: string, organisationId: string, organisationType: Actor['organisationType'], role: Actor['role']): Actor => ({
  userId, name: userId, email: `${userId}@x.vn`, organisationId, organisationType, role, platformAdmin: false,
});

const SELLER = { address: '1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội', legalRepresentative: 'Trần Thị Bình', representativeTitle: 'Viện trưởng', ipNumber: '1-0012345' };
const BUYER = { address: 'Khóm 5, Phường 8, TP. Cà Mau', legalRepresentative: 'Lê Văn Cường', representativeTitle: 'Giám đốc' };

const contractOf = (dealId: string) => market.db.selectFrom('contracts').selectAll().where('deal_id', '=', dealId).executeTakeFirstOrThrow();
const milestonesOf = (contractId: string) => market.db.selectFrom('milestones').selectAll().where('contract_id', '=', contractId).orderBy('number').execute();
const version = async (contractId: string) => (await market.db.selectFrom('contracts').select('version').where('id', '=', contractId).executeTakeFirstOrThrow()).version;

/** A deal on a fresh offer, agreed: its contract, generated. */
async function agreedContract(): Promise<string> {
  const listing = (await importPublishedListings(market.ctx, labOrg, [SHRIMP_OFFER])).ids[0]!;
  const { id } = await expressInterest(market.ctx, smeMember, listing, { cooperation: 'Chúng tôi cần chuyển giao trọn gói cho trại tôm.', aboutUs: 'Công ty nuôi tôm tại Cà Mau, 120 ha.', transferMode: 'turnkey', priceIndication: null });
  await takeDealTransition(market.ctx, labAdmin, id, 'accept');
  await proposeTerms(market.ctx, smeMember, id, TERMS);
  await takeDealTransition(market.ctx, labAdmin, id, 'accept_terms', { termsVersion: 1 });
  return (await contractOf(id)).id;
}

/** Both parties complete their details: the version everyone may sign. */
async function completed(contractId: string) {
  await reviseContract(market.ctx, labAdmin, contractId, SELLER);
  await reviseContract(market.ctx, smeAdmin, contractId, BUYER);
  return (await currentContent(market.db, contractId))!;
}

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  const sme = await createOrganisation(market.db, { slug: 'tom-ca-mau-hd', name: 'Công ty Tôm Cà Mau', type: 'enterprise', taxCode: '0100109106' });
  labOrg = await createOrganisation(market.db, { slug: 'vien-mang-hd', name: 'Viện Màng Lọc', type: 'institute', taxCode: '0001000027' });
  smeMember = actor(await createUser(market.db, { email: 'nv@tom.vn', organisationId: sme, passwordHash: 'x' }), sme, 'enterprise', 'member');
  smeAdmin = actor(await createUser(market.db, { email: 'gd@tom.vn', organisationId: sme, passwordHash: 'x', role: 'admin' }), sme, 'enterprise', 'admin');
  labAdmin = actor(await createUser(market.db, { email: 'vt@vien.vn', organisationId: labOrg, passwordHash: 'x', role: 'admin' }), labOrg, 'institute', 'admin');
});

afterAll(() => market?.close());

describe('a contract made from the agreed terms', () => {
  it('is generated at agreement, hashed over its content, with blanks nobody may sign over', async () => {
    const id = await agreedContract();
    const row = await market.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stage: 'draft', content_version: 1 });
    expect(row.number).toMatch(/^OTX-2026-\d{6}$/);
    const current = (await currentContent(market.db, id))!;
    expect(current.sha256).toBe(contractSha256(current.content as ContractContent));
    expect(current.content.terms.price).toBe(1_500_000_000);
    const blank = await signContract(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: current.sha256 }, { method: 'click', address: null }).catch((e) => e);
    expect(blank).toBeInstanceOf(InvalidInputError);
    expect((blank as InvalidInputError).fieldErrors.form![0]).toMatchObject({ code: 'contract_incomplete' });
    expect(String((blank as InvalidInputError).fieldErrors.form![0]!.params!.missing)).toContain('seller.address');
  });

  it('cannot be agreed on terms a contract would refuse: an exclusive licence marked non-exclusive', async () => {
    const listing = (await importPublishedListings(market.ctx, labOrg, [SHRIMP_OFFER])).ids[0]!;
    const { id } = await expressInterest(market.ctx, smeMember, listing, { cooperation: 'Chúng tôi cần li-xăng độc quyền tại Cà Mau.', aboutUs: 'Công ty nuôi tôm tại Cà Mau, 120 ha.', transferMode: 'licence_exclusive', priceIndication: null });
    await takeDealTransition(market.ctx, labAdmin, id, 'accept');
    const refused = await proposeTerms(market.ctx, smeMember, id, { ...TERMS, transferMode: 'licence_exclusive', exclusive: false }).catch((e) => e);
    expect((refused as InvalidInputError).fieldErrors.exclusive).toEqual([{ code: 'licence_exclusivity' }]);
  });

  it('is signed by both signers on one version; a member without authority may not; a revision voids signatures', async () => {
    const id = await agreedContract();
    const v3 = await completed(id);
    expect(v3.version).toBe(3);
    const sign = (who: Actor, sha = v3.sha256) => signContract(market.ctx, who, id, { typedName: who === labAdmin ? 'Trần Thị Bình' : 'Lê Văn Cường', contentSha256: sha }, { method: 'click', address: '203.0.113.9' });
    await expect(sign(smeMember)).rejects.toBeInstanceOf(PermissionError);
    const old = await sign(labAdmin, '0'.repeat(64)).catch((e) => e);
    expect(old).toBeInstanceOf(ConflictError);
    expect((old as ConflictError).problem).toEqual({ code: 'contract_changed', params: { version: 3 } });
    await sign(labAdmin);
    // Signing again is no permission problem: it says the side has signed already.
    const twice = await sign(labAdmin).catch((e) => e);
    expect(twice).toBeInstanceOf(ConflictError);
    expect((twice as ConflictError).problem.code).toBe('already_signed');
    // The buyer corrects its address after the seller signed: a new version, the signature void.
    await reviseContract(market.ctx, smeAdmin, id, { ...BUYER, address: 'Khóm 6, Phường 8, TP. Cà Mau' });
    const v4 = (await currentContent(market.db, id))!;
    expect(v4.sha256).not.toBe(v3.sha256);
    const signatures = await market.db.selectFrom('contract_signatures').select(['content_version', 'voided_at']).where('contract_id', '=', id).execute();
    expect(signatures).toHaveLength(1);
    expect(signatures[0]!.voided_at).not.toBeNull();
    await sign(labAdmin, v4.sha256);
    // Signing authority given by the admin lets a member sign.
    await sign({ ...smeMember, maySign: true }, v4.sha256);
    const row = await contractOf((await market.db.selectFrom('contracts').select('deal_id').where('id', '=', id).executeTakeFirstOrThrow()).deal_id);
    expect(row.stage).toBe('signed');
    expect(row.signed_at).not.toBeNull();
    const milestones = await milestonesOf(id);
    expect(milestones.map((m) => [m.number, m.amount, m.stage])).toEqual([[1, 600_000_000, 'due'], [2, 900_000_000, 'due']]);
    expect(milestones.every((m) => /^[ -~]{1,25}$/.test(m.transfer_reference))).toBe(true);
  });

  it('says the transfer must be registered once the seller declares the technology state-funded; the buyer cannot declare it', async () => {
    const id = await agreedContract();
    const registration = async () => (await currentContent(market.db, id))!.content.stateFunded;
    await completed(id);
    expect(await registration()).toBe(false);
    await reviseContract(market.ctx, smeAdmin, id, { ...BUYER, stateFunded: true });
    expect(await registration()).toBe(false);
    await reviseContract(market.ctx, labAdmin, id, { ...SELLER, stateFunded: true });
    const { content } = (await currentContent(market.db, id))!;
    expect(content.stateFunded).toBe(true);
    const notice = contractText(content).articles.find((a) => a.key === 'registration');
    expect(notice!.paragraphs.map((p) => p.vi).join(' ')).toMatch(/Sở Khoa học và Công nghệ/);
    // Left out, the declaration stands.
    await reviseContract(market.ctx, labAdmin, id, SELLER);
    expect(await registration()).toBe(true);
  });

  it('two parties signing at the same moment: both count, the contract is signed once', async () => {
    const id = await agreedContract();
    const { sha256 } = await completed(id);
    const results = await Promise.allSettled([
      signContract(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, { method: 'click', address: null }),
      signContract(market.ctx, smeAdmin, id, { typedName: 'Lê Văn Cường', contentSha256: sha256 }, { method: 'click', address: null }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const events = await market.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'contract').where('entity_id', '=', id).where('action', 'in', ['sign', 'countersign']).execute();
    expect(events.map((e) => e.action).sort()).toEqual(['countersign', 'sign']);
    expect((await milestonesOf(id)).length).toBe(2);
  });

  it('takes a digital signature only on the very PDF generated, and shows who signed', async () => {
    const id = await agreedContract();
    const { sha256 } = await completed(id);
    const pdf = await contractPdf(market.ctx, labAdmin, id);
    expect(pdf.sha256).toBe(sha256);
    const identity = signingIdentity({ commonName: 'Trần Thị Bình', organisation: 'Viện Màng Lọc' });
    const signed = await signPdf(pdf.bytes, identity);
    // The same file with one byte of the contract changed is refused, and nothing is recorded.
    const altered = Buffer.from(signed);
    altered[200] = altered[200]! ^ 1;
    const refused = await signContractDigitally(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, altered, null).catch((e) => e);
    expect((refused as InvalidInputError).fieldErrors.file).toEqual([{ code: 'not_the_contract' }]);
    await signContractDigitally(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, signed, '203.0.113.7');
    const row = await market.db.selectFrom('contract_signatures').select(['method', 'certificate', 'party']).where('contract_id', '=', id).executeTakeFirstOrThrow();
    expect(row.method).toBe('digital');
    expect(row.party).toBe('seller');
    expect(JSON.stringify(row.certificate)).toContain('Trần Thị Bình');
  });
});

describe('the paper contract', () => {
  it('counts once the other side confirms the scan one side uploaded; a file that is no scan is refused', async () => {
    const id = await agreedContract();
    const { sha256 } = await completed(id);
    const html = await uploadPaperScan(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, { name: 'hd.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('<html></html>') }, null).catch((e) => e);
    expect((html as InvalidInputError).fieldErrors.file).toEqual([{ code: 'scan_type' }]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await uploadPaperScan(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, { name: 'hd.png', type: 'image/png', bytes: png }, null);
    // The uploader cannot confirm its own scan.
    await expect(confirmPaperScan(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, null)).rejects.toBeInstanceOf(PermissionError);
    expect((await paperScan(market.ctx, smeMember, id)).contentType).toBe('image/png');
    await confirmPaperScan(market.ctx, smeAdmin, id, { typedName: 'Lê Văn Cường', contentSha256: sha256 }, null);
    const row = await market.db.selectFrom('contracts').select('stage').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.stage).toBe('signed');
    expect((await milestonesOf(id)).length).toBe(2);
  });
});

describe('milestones of a signed contract', () => {
  it('are paid by transfer (confirmed once), delivered and accepted; the last accepted by the timer completes the contract', async () => {
    const id = await agreedContract();
    const { sha256 } = await completed(id);
    await signContract(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, { method: 'click', address: null });
    await signContract(market.ctx, smeAdmin, id, { typedName: 'Lê Văn Cường', contentSha256: sha256 }, { method: 'click', address: null });
    const [m1, m2] = await milestonesOf(id);

    await expect(takeMilestoneTransition(market.ctx, labAdmin, m1!.id, 'report_transfer')).rejects.toBeInstanceOf(PermissionError);
    await takeMilestoneTransition(market.ctx, smeMember, m1!.id, 'report_transfer', { note: 'Đã chuyển qua VietQR' });
    // The seller confirms twice at once (two tabs): it counts once.
    const confirms = await Promise.allSettled([1, 2].map(() => takeMilestoneTransition(market.ctx, labAdmin, m1!.id, 'confirm_receipt')));
    expect(confirms.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const payments = await market.db.selectFrom('payments').select(['status', 'amount']).where('milestone_id', '=', m1!.id).execute();
    expect(payments).toEqual([{ status: 'confirmed', amount: 600_000_000 }]);
    const noNote = await takeMilestoneTransition(market.ctx, labAdmin, m1!.id, 'deliver').catch((e) => e);
    expect((noNote as InvalidInputError).fieldErrors.note).toEqual([{ code: 'required' }]);
    await takeMilestoneTransition(market.ctx, labAdmin, m1!.id, 'deliver', { note: 'Bản vẽ thiết kế chi tiết, 42 trang' });
    await takeMilestoneTransition(market.ctx, smeMember, m1!.id, 'accept');

    await takeMilestoneTransition(market.ctx, smeMember, m2!.id, 'report_transfer');
    await takeMilestoneTransition(market.ctx, labAdmin, m2!.id, 'confirm_receipt');
    await takeMilestoneTransition(market.ctx, labAdmin, m2!.id, 'deliver', { note: 'Hệ thống lắp đặt xong, chạy thử 7 ngày' });
    // Thirteen days on, nothing happens; after fourteen the delivery is accepted on its own.
    now = new Date(now.getTime() + 13 * 86_400_000);
    await runDueTimers(market.ctx);
    expect((await milestonesOf(id))[1]!.stage).toBe('delivered');
    now = new Date(now.getTime() + 2 * 86_400_000);
    await runDueTimers(market.ctx);
    expect((await milestonesOf(id)).map((m) => m.stage)).toEqual(['accepted', 'accepted']);
    const contract = await market.db.selectFrom('contracts').select(['stage', 'completed_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(contract.stage).toBe('completed');
    expect(contract.completed_at).not.toBeNull();
    expect(await version(id)).toBeGreaterThan(1);
  });

  it('fall due one after the other: the buyer is reminded a week before, and an unpaid one is flagged to both sides and the curator', async () => {
    const id = await agreedContract();
    const { sha256 } = await completed(id);
    await signContract(market.ctx, labAdmin, id, { typedName: 'Trần Thị Bình', contentSha256: sha256 }, { method: 'click', address: null });
    const signedAt = new Date(now);
    await signContract(market.ctx, smeAdmin, id, { typedName: 'Lê Văn Cường', contentSha256: sha256 }, { method: 'click', address: null });
    const [m1, m2] = await milestonesOf(id);
    // The first is payable within 30 days of the signing; the second not yet.
    expect(m1!.pay_by).toEqual(new Date(signedAt.getTime() + 30 * 86_400_000));
    expect(m2!.pay_by).toBeNull();
    const kinds = async (who: Actor) => (await market.db.selectFrom('notifications').select('kind').where('user_id', '=', who.userId).where('link', '=', `/milestones/${m1!.id}`).execute()).map((n) => n.kind).sort();
    const agency = await createOrganisation(market.db, { slug: 'so-khcn-hd', name: 'Sở KH&CN', type: 'agency', taxCode: '0001000041' });
    const curator = actor(await createUser(market.db, { email: 'cb@so.vn', organisationId: agency, passwordHash: 'x' }), agency, 'agency', 'member');

    // 22 days on: nothing; 23 days on (a week before): the buyer is reminded, the seller is not.
    now = new Date(signedAt.getTime() + 22 * 86_400_000);
    await runDueTimers(market.ctx);
    expect(await kinds(smeAdmin)).toEqual([]);
    now = new Date(signedAt.getTime() + 23 * 86_400_000 + 60_000);
    await runDueTimers(market.ctx);
    expect(await kinds(smeAdmin)).toEqual(['milestone_payment_due']);
    expect(await kinds(labAdmin)).toEqual([]);
    // 30 days on and still unpaid: overdue, told to both sides and the curator.
    now = new Date(signedAt.getTime() + 30 * 86_400_000 + 60_000);
    await runDueTimers(market.ctx);
    expect(await kinds(smeAdmin)).toEqual(['milestone_overdue', 'milestone_payment_due']);
    expect(await kinds(labAdmin)).toEqual(['milestone_overdue']);
    expect(await kinds(curator)).toEqual(['milestone_overdue']);
    const events = await market.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'milestone').where('entity_id', '=', m1!.id).orderBy('at').execute();
    expect(events.map((e) => e.action)).toEqual(['remind_payment', 'flag_overdue']);

    // Paid late, delivered, accepted: the second milestone becomes payable from that acceptance.
    await takeMilestoneTransition(market.ctx, smeMember, m1!.id, 'report_transfer');
    await takeMilestoneTransition(market.ctx, labAdmin, m1!.id, 'confirm_receipt');
    await takeMilestoneTransition(market.ctx, labAdmin, m1!.id, 'deliver', { note: 'Bản vẽ thiết kế chi tiết' });
    const acceptedAt = new Date(now);
    await takeMilestoneTransition(market.ctx, smeMember, m1!.id, 'accept');
    expect((await milestonesOf(id))[1]!.pay_by).toEqual(new Date(acceptedAt.getTime() + 30 * 86_400_000));
  });
});
