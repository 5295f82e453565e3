// `npm run bench:contracts`: two figures of the contract and payment stage. (a) The contract PDF:
// renderContractPdf on the fixture contract, p50 and p99, beside a bare pdfkit document with the
// same text (same characters, same Noto Serif TTF, no tags, no PDF/A, no footers) rendered in the
// same run, alternately, so the ratio says what the contract's layout costs. (b) Stripe webhooks:
// signed `checkout.session.completed` deliveries for N milestones with pending card payments,
// plus 10 % duplicate deliveries shuffled in (some arriving while their original is in flight),
// handled by handleStripeWebhook with a few at once; then a check that every milestone is paid
// exactly once. Figures, not a test: it prints them, writes bench/results/contracts-<date>.json,
// and exits non-zero only when a check fails (a double payment is a bug, not a figure).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'kysely';
import PDFDocument from 'pdfkit';
import Stripe from 'stripe';
import type { AppContext } from '../app/context.server.js';
import { buildContractContent } from '../app/domain/contract.js';
import { contractText } from '../app/domain/contract-text.js';
import { stripeCardProvider } from '../app/payments/stripe.server.js';
import { contractSha256 } from '../app/services/contract-document.server.js';
import { renderContractPdf } from '../app/services/contract-pdf.server.js';
import { importPublishedListings } from '../app/services/listing-import.server.js';
import { handleStripeWebhook } from '../app/services/stripe-webhook.server.js';
import { createDb, type Database } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createSearch } from '../search/client.js';
import { contractInput } from '../tests/fixtures/contract.js';
import { createBenchPeople } from './lib/bench-people.js';
import { summarise } from './lib/drive.js';
import { startInfra } from './lib/infra.js';
import { numberArgs } from './lib/args.js';
import { benchLifecycle } from './lib/lifecycle.js';
import { createRng } from './lib/prng.js';
import { machineInfo } from './lib/report.js';
import { syntheticListings, toListingInput } from './lib/synthetic-market.js';

const args = numberArgs({ pdfs: 100, warmup: 5, milestones: 500, 'per-contract': 10, duplicates: 0.1, concurrency: 8, pool: 10, seed: 20261201 });
const num = (name: keyof typeof args) => args[name];
const config = {
  pdfs: Math.max(1, Math.floor(num('pdfs'))),
  warmup: Math.floor(num('warmup')),
  milestones: Math.max(1, Math.floor(num('milestones'))),
  perContract: Math.max(1, Math.floor(num('per-contract'))),
  duplicateShare: Math.min(0.9, num('duplicates')),
  concurrency: Math.max(1, Math.floor(num('concurrency'))),
  pool: Math.max(1, Math.floor(num('pool'))),
  seed: Math.floor(num('seed')),
};
const log = (m: string) => console.log(`[bench] ${m}`);
const { cleanups, run } = benchLifecycle(log);
const round2 = (n: number) => Math.round(n * 100) / 100;
const WEBHOOK_SECRET = 'whsec_bench_contracts';

async function main() {
  const pdf = await benchPdf();
  const webhooks = await benchWebhooks();
  const report = { date: new Date().toISOString(), machine: machineInfo({ atStart: true }), config, pdf, webhooks, allChecksPass: webhooks.checks.every((c) => c.pass) };
  print(report);
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `contracts-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Figures written to ${path.relative(process.cwd(), file)}`);
  if (!report.allChecksPass) process.exitCode = 1;
}

// (a) The contract PDF beside a bare pdfkit document of the same text.

/** Every string of the contract's bilingual text, in order: what the bare document prints. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

const require = createRequire(import.meta.url);
const notoSerif = readFileSync(require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf'));

function barePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 56, left: 60, right: 60, bottom: 76 } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', notoSerif);
    doc.font('regular').fontSize(10).text(text, { align: 'justify', lineGap: 1.5 });
    doc.end();
  });
}

const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function benchPdf() {
  const content = buildContractContent(contractInput());
  const sha256 = contractSha256(content);
  const text = stringsOf(contractText(content)).join('\n').normalize('NFC');
  const contract = () => renderContractPdf(content, sha256);
  const bare = () => barePdf(text);
  log(`PDF: ${config.warmup} warm-up then ${config.pdfs} renders each, alternating (text of ${text.length} characters)…`);
  for (let i = 0; i < config.warmup; i += 1) await Promise.all([contract(), bare()].map((p) => p.then(() => undefined)));
  const times = { contract: [] as number[], bare: [] as number[] };
  let sample = { contract: Buffer.alloc(0), bare: Buffer.alloc(0) };
  for (let i = 0; i < config.pdfs; i += 1) {
    // Alternate which goes first, so neither always meets a warmer or a busier moment.
    const order = i % 2 === 0 ? (['contract', 'bare'] as const) : (['bare', 'contract'] as const);
    for (const which of order) {
      const started = performance.now();
      const bytes = await (which === 'contract' ? contract() : bare());
      times[which].push(performance.now() - started);
      sample = { ...sample, [which]: bytes };
    }
  }
  const c = summarise(times.contract);
  const b = summarise(times.bare);
  return {
    textCharacters: text.length,
    contract: { ...c, bytes: sample.contract.length, pages: pagesOf(sample.contract) },
    bare: { ...b, bytes: sample.bare.length, pages: pagesOf(sample.bare) },
    ratioContractToBare: { p50: round2(c.p50 / b.p50), p99: round2(c.p99 / b.p99) },
  };
}

// (b) Stripe webhooks with duplicate deliveries.

interface Delivery {
  payload: string;
  signature: string;
  milestoneId: string;
  duplicate: boolean;
}

async function benchWebhooks() {
  const infra = await startInfra(log, { search: false });
  cleanups.push(() => infra.stop());
  for (const line of infra.describe) log(line);
  const db: Database = createDb(infra.databaseUrl, { max: config.pool });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  const search = createSearch({ host: infra.meiliHost, apiKey: infra.meiliKey, indexName: infra.indexName, timeoutMs: 1000 });
  cleanups.push(async () => search.close());
  // Only the webhook's signature check is used: nothing calls Stripe's API, so it points nowhere.
  const card = stripeCardProvider({ secretKey: 'sk_test_bench_unused', webhookSecret: WEBHOOK_SECRET, apiBase: 'http://127.0.0.1:9', connectCountry: null, platformFeeBps: 0 });
  const ctx: AppContext = {
    db,
    search,
    // The emails a payment asks for are not what is measured.
    jobs: { enqueue: async () => {} },
    clock: () => new Date(),
    publicUrl: 'http://opentex.bench',
    smtpConfigured: false,
    devMailbox: null,
    payments: { card },
  };

  const setupStarted = performance.now();
  const { deliveries, milestones, unique } = await buildPendingCardPayments(ctx);
  await sql`analyze`.execute(db);
  log(`${milestones.length} milestones with a pending card payment (${round2((performance.now() - setupStarted) / 1000)} s); ${deliveries.length} deliveries, ${deliveries.length - unique} duplicates`);

  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: config.concurrency }, async () => {
      while (next < deliveries.length) {
        const d = deliveries[next++]!;
        const t = performance.now();
        const result = await handleStripeWebhook(ctx, d.payload, d.signature);
        latencies.push(performance.now() - t);
        outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const checks = await checkPaidOnce(db, milestones, unique);
  return {
    milestones: milestones.length,
    deliveries: deliveries.length,
    duplicates: deliveries.length - unique,
    concurrency: config.concurrency,
    seconds: round2(seconds),
    perSecond: round2(deliveries.length / seconds),
    latencyMs: summarise(latencies),
    outcomes,
    checks,
  };
}

/** Buyer and seller, one listing, contracts of `perContract` due milestones, each with a pending card payment and its signed completion. */
async function buildPendingCardPayments(ctx: AppContext) {
  const db = ctx.db;
  const rng = createRng(config.seed);
  const { orgs } = await createBenchPeople(db, config.seed, 2);
  const [buyer, seller] = orgs as [(typeof orgs)[number], (typeof orgs)[number]];
  const [listing] = syntheticListings(config.seed, 1, [seller.id]);
  const { ids } = await importPublishedListings(ctx, seller.id, [toListingInput(listing!)]);
  const account = `acct_bench_${config.seed}`;
  await db.insertInto('stripe_accounts').values({ organisation_id: seller.id, account_id: account, charges_enabled: true }).execute();

  const milestones: string[] = [];
  const originals: Delivery[] = [];
  const amount = 25_000_000;
  for (let c = 0; milestones.length < config.milestones; c += 1) {
    const number = `OTX-BENCH-${String(c + 1).padStart(5, '0')}`;
    const deal = await db
      .insertInto('deals')
      .values({ listing_id: ids[0]!, buyer_organisation_id: buyer.id, seller_organisation_id: seller.id, owner: 'seller', interested_organisation_id: buyer.id, stage: 'agreed', cooperation: 'Bench', about_us: 'Bench' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contract = await db.insertInto('contracts').values({ deal_id: deal.id, number, stage: 'signed', signed_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    const count = Math.min(config.perContract, config.milestones - milestones.length);
    const rows = await db
      .insertInto('milestones')
      .values(Array.from({ length: count }, (_, i) => ({ contract_id: contract.id, number: i + 1, amount, condition: 'Bench', deliverable: 'Bench', stage: 'due' as const, transfer_reference: `${number.replace(/-/g, '')}M${i + 1}` })))
      .returning('id')
      .execute();
    for (const row of rows) {
      const paymentId = rng.uuid();
      const sessionId = `cs_bench_${paymentId.replace(/-/g, '')}`;
      await db.insertInto('payments').values({ id: paymentId, milestone_id: row.id, provider: 'stripe', amount, status: 'pending', provider_ref: sessionId }).execute();
      milestones.push(row.id);
      const event = completedEvent(sessionId, amount, { milestoneId: row.id, paymentId }, account);
      const payload = JSON.stringify(event);
      originals.push({ payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }), milestoneId: row.id, duplicate: false });
    }
  }
  // 10 % of all deliveries are redeliveries of an event already in the list, shuffled in anywhere.
  const duplicates = Math.round((originals.length * config.duplicateShare) / (1 - config.duplicateShare));
  const all = [...originals, ...Array.from({ length: duplicates }, () => ({ ...rng.pick(originals), duplicate: true }))];
  const deliveries = rng.sample(all, all.length);
  return { deliveries, milestones, unique: originals.length };
}

/** The parts of a Checkout Session the webhook reads, in the event Stripe sends to a Connect endpoint. */
function completedEvent(sessionId: string, amount: number, metadata: Record<string, string>, account: string) {
  const created = Math.floor(Date.now() / 1000);
  return {
    id: `evt_bench_${sessionId.slice(9)}`,
    object: 'event',
    account,
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
    data: { object: { id: sessionId, object: 'checkout.session', status: 'complete', payment_status: 'paid', amount_total: amount, currency: 'vnd', metadata, mode: 'payment', created } },
  };
}

async function checkPaidOnce(db: Database, milestones: string[], unique: number) {
  const stages = await db.selectFrom('milestones').select(['stage']).where('id', 'in', milestones).execute();
  const paid = await db
    .selectFrom('payments')
    .select(['milestone_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('milestone_id', 'in', milestones)
    .where('status', 'in', ['paid', 'confirmed'])
    .groupBy('milestone_id')
    .execute();
  const audits = await db
    .selectFrom('audit_events')
    .select(['entity_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('entity_type', '=', 'milestone')
    .where('action', '=', 'record_card_payment')
    .where('entity_id', 'in', milestones)
    .groupBy('entity_id')
    .execute();
  const events = await db.selectFrom('provider_events').select((eb) => eb.fn.countAll<string>().as('n')).where('provider', '=', 'stripe').executeTakeFirstOrThrow();
  const check = (name: string, expected: number, found: number) => ({ name, expected, found, pass: expected === found });
  return [
    check('milestones paid', milestones.length, stages.filter((s) => s.stage === 'paid').length),
    check('milestones with exactly one paid payment', milestones.length, paid.filter((p) => Number(p.n) === 1).length),
    check('paid payments in all', milestones.length, paid.reduce((sum, p) => sum + Number(p.n), 0)),
    check('milestones with exactly one record_card_payment audit event', milestones.length, audits.filter((a) => Number(a.n) === 1).length),
    check('record_card_payment audit events in all', milestones.length, audits.reduce((sum, a) => sum + Number(a.n), 0)),
    check('provider events stored (one per event id)', unique, Number(events.n)),
  ];
}

function print(report: { pdf: Awaited<ReturnType<typeof benchPdf>>; webhooks: Awaited<ReturnType<typeof benchWebhooks>>; allChecksPass: boolean }) {
  const { pdf, webhooks: w } = report;
  console.log('');
  console.log(`Contract PDF (${pdf.textCharacters} characters of text), ms per document:`);
  console.table({
    'renderContractPdf': { p50: pdf.contract.p50, p90: pdf.contract.p90, p99: pdf.contract.p99, mean: pdf.contract.mean, pages: pdf.contract.pages, KiB: Math.round(pdf.contract.bytes / 1024) },
    'bare pdfkit, same text and font': { p50: pdf.bare.p50, p90: pdf.bare.p90, p99: pdf.bare.p99, mean: pdf.bare.mean, pages: pdf.bare.pages, KiB: Math.round(pdf.bare.bytes / 1024) },
  });
  console.log(`Ratio contract / bare: p50 ×${pdf.ratioContractToBare.p50}, p99 ×${pdf.ratioContractToBare.p99}`);
  console.log('');
  console.log(`Stripe webhooks: ${w.deliveries} deliveries (${w.duplicates} duplicates) for ${w.milestones} milestones, ${w.concurrency} at once`);
  console.log(`  ${w.perSecond} deliveries/s over ${w.seconds} s; latency ms p50 ${w.latencyMs.p50}, p90 ${w.latencyMs.p90}, p99 ${w.latencyMs.p99}`);
  console.log(`  outcomes: ${Object.entries(w.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const c of w.checks) console.log(`  ${c.pass ? 'ok  ' : 'FAIL'} ${c.name}: ${c.found} (expected ${c.expected})`);
  console.log('');
}

run(main);
