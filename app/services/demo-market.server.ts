// The demo market of `npm start`: db/seed.ts writes the organisations, people and listings, and
// each listing is published by the listing process's `seed` transition, back-dated to its day;
// then a few deals are taken through the deal process, one per stage.
import type { Database } from '../../db/connection.js';
import { seedDemoData } from '../../db/seed.js';
import type { Actor } from '../domain/actor.js';
import type { AppContext } from '../context.server.js';
import { currentContent, reviseContract, signContract } from './contracts.server.js';
import { postDealMessage } from './deal-messages.server.js';
import { takeMilestoneTransition } from './milestones.server.js';
import { postReview } from './reviews.server.js';
import { expressInterest, proposeTerms, takeDealTransition } from './deals.server.js';
import { introduce } from './deal-introductions.server.js';
import { applyListingTransition, listingStore } from './listing-lifecycle.server.js';
import { createListing } from './my-listings.server.js';
import { runTransitionIn } from './process-runner.server.js';
import { requestVerification } from './verification.server.js';

export function seedDemoMarket(
  db: Database,
  options: { now?: Date; onProgress?: (done: number, total: number) => void; hashPassword?: (password: string) => Promise<string> } = {},
) {
  return seedDemoData(db, {
    ...options,
    // No one is told of a demo publication, so no link or job is needed: the relay's scheduled
    // run indexes the outbox rows the runner writes.
    publish: async (trx, listingId, at) => {
      await runTransitionIn({ clock: () => at, publicUrl: '' }, trx, listingStore, listingId, { actor: null, name: 'seed', input: {}, at });
    },
  });
}

/** A demo user as the services see them. */
/** A demo account as the actor it signs in as (the demo seed and browser tests act as these people). */
export async function demoActor(ctx: AppContext, email: string): Promise<Actor | null> {
  const u = await ctx.db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.platform_admin', 'o.id as organisation_id', 'o.type as organisation_type'])
    .where('u.email', '=', email)
    .executeTakeFirst();
  if (!u) return null;
  return { userId: u.id, name: u.name, email: u.email, organisationId: u.organisation_id, organisationType: u.organisation_type, role: u.role, platformAdmin: u.platform_admin };
}

const demoTerms = (price: number, by: string) => ({
  subject: 'Chuyển giao công nghệ theo tin đăng, kèm đào tạo vận hành',
  transferMode: 'licence_non_exclusive',
  exclusive: false,
  territory: 'Việt Nam',
  fieldOfUse: 'Sản xuất của bên nhận',
  durationMonths: 36,
  price,
  milestones: [
    { amount: Math.round(price * 0.3), condition: 'Khi ký hợp đồng', deliverable: 'Hồ sơ kỹ thuật' },
    { amount: price - Math.round(price * 0.3), condition: 'Khi nghiệm thu', deliverable: `Hệ thống vận hành (${by})` },
  ],
  warranty: '12 tháng',
  disputeResolution: 'mediation',
  validDays: 30,
});

/**
 * The demo's deals, one at each stage a newcomer should see: an inquiry awaiting an answer, a
 * negotiation under NDA with a counter-proposal, an agreed deal, a declined one, and a curator's
 * introduction awaiting consent. Their emails are marked sent: the demo has no real inboxes.
 */
export async function seedDemoDeals(live: AppContext): Promise<number> {
  // Nothing is asked of the job queue: the demo's emails would otherwise go out (or to the log).
  const ctx: AppContext = { ...live, jobs: { enqueue: async () => {} } };
  const sme = await demoActor(ctx, 'mekongxanh.admin@opentex.demo');
  const uni = await demoActor(ctx, 'hbk.admin@opentex.demo');
  const curator = await demoActor(ctx, 'curator@opentex.demo');
  // Without demo accounts (seeded without passwords) there is nobody to act.
  if (!sme || !uni || !curator) return 0;
  const offers = await ctx.db.selectFrom('listings').select('id').where('organisation_id', '=', uni.organisationId).where('kind', '=', 'offer').where('status', '=', 'published').orderBy('published_at', 'desc').limit(7).execute();
  const demand = await ctx.db.selectFrom('listings').select('id').where('organisation_id', '=', sme.organisationId).where('kind', '=', 'demand').where('status', '=', 'published').orderBy('published_at', 'desc').executeTakeFirst();
  if (offers.length < 5 || !demand) return 0;
  const interest = {
    cooperation: 'Chúng tôi muốn nhận chuyển giao để ứng dụng tại nhà máy ở Cần Thơ.',
    unclear: 'Chi phí vận hành hằng năm và thời gian đào tạo.',
    aboutUs: 'Doanh nghiệp xử lý môi trường ở Đồng bằng sông Cửu Long, 120 nhân viên.',
    transferMode: 'licence_non_exclusive',
    priceIndication: 800_000_000,
  };
  const [inquiry, negotiating, agreed, declined, introduced] = offers.map((o) => o.id) as [string, string, string, string, string];
  await expressInterest(ctx, sme, inquiry, interest);

  const n = (await expressInterest(ctx, sme, negotiating, interest)).id;
  await takeDealTransition(ctx, uni, n, 'accept');
  await takeDealTransition(ctx, uni, n, 'propose_nda');
  await takeDealTransition(ctx, sme, n, 'accept_nda');
  await proposeTerms(ctx, sme, n, demoTerms(700_000_000, 'Mekong Xanh'));
  await proposeTerms(ctx, uni, n, demoTerms(900_000_000, 'ĐH Bách khoa'));
  await postDealMessage(ctx, sme, n, { body: 'Chúng tôi cần thêm 2 buổi đào tạo nếu giá là 900 triệu.' });

  const a = (await expressInterest(ctx, sme, agreed, interest)).id;
  await takeDealTransition(ctx, uni, a, 'accept');
  await proposeTerms(ctx, uni, a, demoTerms(500_000_000, 'ĐH Bách khoa'));
  await takeDealTransition(ctx, sme, a, 'accept_terms', { termsVersion: 1 });

  const d = (await expressInterest(ctx, sme, declined, interest)).id;
  await takeDealTransition(ctx, uni, d, 'decline', { declineReason: 'trl_too_low', reason: 'Công nghệ mới ở mức phòng thí nghiệm.' });

  await introduce(ctx, curator, { demandId: demand.id, offerId: introduced, note: 'Nhu cầu của Mekong Xanh khớp với công nghệ này về công suất và giá.' });
  // Signed and being paid, and completed: the contract's stages, when the university has offers enough.
  let seeded = 5;
  if (offers.length >= 7) {
    await ctx.db
      .insertInto('bank_accounts')
      .values({ organisation_id: uni.organisationId, bank_code: 'BIDV', account_number: '12010000888999', holder_name: 'DAI HOC BACH KHOA HA NOI', updated_by: uni.userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (const [offer, finish] of [[offers[5]!.id, 'paid'], [offers[6]!.id, 'completed']] as const) {
      const deal = (await expressInterest(ctx, sme, offer, interest)).id;
      await takeDealTransition(ctx, uni, deal, 'accept');
      await proposeTerms(ctx, uni, deal, demoTerms(600_000_000, 'ĐH Bách khoa'));
      await takeDealTransition(ctx, sme, deal, 'accept_terms', { termsVersion: 1 });
      await signDemoContract(ctx, deal, uni, sme, finish);
      seeded += 1;
    }
  }
  await submitDemoListing(ctx, uni);
  await ctx.db.updateTable('emails').set({ sent_at: ctx.clock() }).where('sent_at', 'is', null).execute();
  return seeded;
}

/** Both sides complete their details and sign; then the first milestone is paid, or every one accepted. */
async function signDemoContract(ctx: AppContext, dealId: string, uni: Actor, sme: Actor, finish: 'paid' | 'completed') {
  const contract = await ctx.db.selectFrom('contracts').select('id').where('deal_id', '=', dealId).executeTakeFirstOrThrow();
  await reviseContract(ctx, uni, contract.id, { address: '1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội', legalRepresentative: uni.name, representativeTitle: 'Hiệu trưởng', ipNumber: 'VN 1-0023456', stateFunded: finish === 'completed' });
  // The completed one was a state-funded research project: its contract says the transfer must be registered.
  await reviseContract(ctx, sme, contract.id, { address: '12 Trần Hưng Đạo, Ninh Kiều, Cần Thơ', legalRepresentative: sme.name, representativeTitle: 'Giám đốc' });
  const { sha256 } = (await currentContent(ctx.db, contract.id))!;
  await signContract(ctx, uni, contract.id, { typedName: uni.name, contentSha256: sha256 }, { method: 'click', address: null });
  await signContract(ctx, sme, contract.id, { typedName: sme.name, contentSha256: sha256 }, { method: 'click', address: null });
  const milestones = await ctx.db.selectFrom('milestones').select('id').where('contract_id', '=', contract.id).orderBy('number').execute();
  for (const m of finish === 'paid' ? milestones.slice(0, 1) : milestones) {
    await takeMilestoneTransition(ctx, sme, m.id, 'report_transfer');
    await takeMilestoneTransition(ctx, uni, m.id, 'confirm_receipt');
    if (finish === 'paid') continue;
    await takeMilestoneTransition(ctx, uni, m.id, 'deliver', { note: 'Bàn giao theo hợp đồng, có biên bản kèm theo.' });
    await takeMilestoneTransition(ctx, sme, m.id, 'accept');
  }
  if (finish === 'completed') {
    await postReview(ctx, sme, dealId, { rating: 5, comment: 'Bàn giao đúng hạn, tài liệu đầy đủ, đào tạo vận hành tận tình.' });
    await postReview(ctx, uni, dealId, { rating: 4, comment: 'Đối tác thanh toán đúng hạn và phối hợp tốt khi nghiệm thu.' });
  }
}

/** A new offer waiting in the curator's review queue, so that a newcomer sees curation too. */
async function submitDemoListing(ctx: AppContext, uni: Actor) {
  const { id } = await createListing(ctx, uni, {
    kind: 'offer',
    title: 'Cảm biến IoT đo độ mặn nước cho ao nuôi tôm, pin mặt trời',
    summary: 'Trạm đo độ mặn, pH và oxy hòa tan gửi số liệu qua LoRa về điện thoại người nuôi; pin mặt trời, vỏ chống ăn mòn.',
    description: 'Trạm cảm biến đặt tại ao nuôi, đo mỗi 15 phút và cảnh báo khi độ mặn vượt ngưỡng. Đã thử nghiệm 12 tháng tại Bạc Liêu.',
    innovation: 'Điện cực tự làm sạch, hiệu chuẩn 6 tháng một lần.',
    sectors: ['aquaculture_fisheries', 'electronics_semiconductors'],
    keywords: ['độ mặn', 'IoT', 'LoRa', 'tôm'],
    trl: 6,
    ipStatus: 'patent_pending',
    transferModes: ['licence_non_exclusive', 'technical_assistance'],
    priceMin: 150_000_000,
    priceMax: 300_000_000,
    priceNegotiable: false,
    province: 'ha-noi',
    language: 'vi',
    anonymous: false,
    confidentialDetails: null,
  });
  await applyListingTransition(ctx, uni, id, 'submit');
}

/** A one-page stand-in for a scanned registration certificate: the demo has no real documents. */
const DEMO_REGISTRATION_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * The demo's verifications: a university verified on its evidence (what the curator checked is
 * on record) and an enterprise whose request waits on /curator/organisations.
 */
export async function seedDemoVerifications(live: AppContext): Promise<number> {
  const ctx: AppContext = { ...live, jobs: { enqueue: async () => {} } };
  const uni = await demoActor(ctx, 'hbk.admin@opentex.demo');
  const waiting = await demoActor(ctx, 'hongphat.admin@opentex.demo');
  const curator = await demoActor(ctx, 'curator@opentex.demo');
  if (!uni || !waiting || !curator) return 0;
  const org = await ctx.db.selectFrom('organisations').select(['verified_at']).where('id', '=', uni.organisationId).executeTakeFirstOrThrow();
  const decidedAt = org.verified_at ?? ctx.clock();
  await ctx.db
    .insertInto('verification_requests')
    .values({
      organisation_id: uni.organisationId,
      state: 'verified',
      document_name: 'giay-chung-nhan-dang-ky.pdf',
      document_type: 'application/pdf',
      document_size: DEMO_REGISTRATION_PDF.length,
      document: DEMO_REGISTRATION_PDF,
      contact_name: uni.name,
      contact_role: 'Trưởng phòng Khoa học Công nghệ',
      contact_phone: '024 3869 0000',
      contact_email: uni.email,
      submitted_by: uni.userId,
      submitted_at: new Date(decidedAt.getTime() - 2 * 86_400_000),
      decided_by: curator.userId,
      decided_at: decidedAt,
      checks: ['name_matches_registration', 'tax_code_active', 'contact_reached'],
      note: 'Đối chiếu trên Cổng thông tin quốc gia về đăng ký doanh nghiệp; đã gọi điện xác nhận.',
    })
    .execute();
  await requestVerification(
    ctx,
    waiting,
    { contactName: waiting.name, contactRole: 'Giám đốc', contactPhone: '0903 000 000', contactEmail: waiting.email },
    { name: 'dkkd-hong-phat.pdf', type: 'application/pdf', bytes: DEMO_REGISTRATION_PDF },
  );
  return 2;
}
