// After the load of bench:deals: was any transition lost or applied twice? What the parties saw
// succeed is compared with what the database kept: audit events, deal versions, term sheets and
// NDA acceptances.
import type { Database } from '../../db/connection.js';
import type { Applied } from './deal-parties.js';

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
  /** A few offending deals, to start looking. */
  examples: string[];
}

/**
 * A deal's k-th audit event (in id order: the row lock makes a deal's transitions commit one
 * after another) leaves it at version k + 1. So each success a party saw, with the version it
 * got back, names exactly one audit event, and each audit event must be named by one success.
 */
export async function checkDeals(db: Database, applied: readonly Applied[]): Promise<Check[]> {
  const events = await db
    .selectFrom('audit_events')
    .select(['entity_id', 'action', 'from_state', 'to_state'])
    .where('entity_type', '=', 'deal')
    .orderBy('entity_id')
    .orderBy('id')
    .execute();
  const byDeal = new Map<string, { action: string; from: string | null; to: string | null }[]>();
  for (const e of events) {
    const list = byDeal.get(e.entity_id) ?? [];
    list.push({ action: e.action, from: e.from_state, to: e.to_state });
    byDeal.set(e.entity_id, list);
  }

  // Successes → audit events.
  const seen = new Map<string, number>(); // `${deal} ${version}` → how many successes claim it
  let lost = 0;
  let mismatched = 0;
  const lostExamples: string[] = [];
  for (const a of applied) {
    const key = `${a.dealId} ${a.version}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const event = byDeal.get(a.dealId)?.[a.version - 2];
    if (!event) {
      lost += 1;
      if (lostExamples.length < 5) lostExamples.push(`${a.dealId}: ${a.name} → v${a.version}, no audit event`);
    } else if (event.action !== a.name) {
      mismatched += 1;
      if (lostExamples.length < 5) lostExamples.push(`${a.dealId}: ${a.name} → v${a.version}, audit event is ${event.action}`);
    }
  }
  const twice = [...seen.entries()].filter(([, n]) => n > 1);

  // Audit events → successes.
  let unseen = 0;
  const unseenExamples: string[] = [];
  for (const [dealId, list] of byDeal) {
    list.forEach((e, i) => {
      if (!seen.has(`${dealId} ${i + 2}`)) {
        unseen += 1;
        if (unseenExamples.length < 5) unseenExamples.push(`${dealId}: audit event ${i + 1} (${e.action}) seen by no party`);
      }
    });
  }

  // Each event starts where the previous one ended.
  let broken = 0;
  const brokenExamples: string[] = [];
  for (const [dealId, list] of byDeal) {
    for (let i = 1; i < list.length; i += 1) {
      if (list[i]!.from !== list[i - 1]!.to) {
        broken += 1;
        if (brokenExamples.length < 5) brokenExamples.push(`${dealId}: event ${i + 1} ${list[i]!.action} from ${list[i]!.from}, previous ended at ${list[i - 1]!.to}`);
        break;
      }
    }
  }

  // version = 1 + audit events.
  const deals = await db.selectFrom('deals').select(['id', 'version']).execute();
  const badVersion = deals.filter((d) => d.version !== 1 + (byDeal.get(d.id)?.length ?? 0));

  // Term sheets 1..n, one per propose_terms event; NDA acceptances, one per propose_nda / accept_nda.
  const sheets = await db.selectFrom('term_sheets').select(['deal_id', 'version']).orderBy('deal_id').orderBy('version').execute();
  const sheetVersions = new Map<string, number[]>();
  for (const s of sheets) sheetVersions.set(s.deal_id, [...(sheetVersions.get(s.deal_id) ?? []), s.version]);
  const count = (dealId: string, ...actions: string[]) => (byDeal.get(dealId) ?? []).filter((e) => actions.includes(e.action)).length;
  const badSheets: string[] = [];
  for (const d of deals) {
    const versions = sheetVersions.get(d.id) ?? [];
    const gapless = versions.every((v, i) => v === i + 1);
    if (!gapless || versions.length !== count(d.id, 'propose_terms')) {
      badSheets.push(`${d.id}: term sheet versions [${versions.join(', ')}], ${count(d.id, 'propose_terms')} propose_terms events`);
    }
  }
  const ndas = await db.selectFrom('nda_acceptances').select(['deal_id']).execute();
  const ndaCount = new Map<string, number>();
  for (const n of ndas) ndaCount.set(n.deal_id, (ndaCount.get(n.deal_id) ?? 0) + 1);
  const badNda = deals.filter((d) => (ndaCount.get(d.id) ?? 0) !== count(d.id, 'propose_nda', 'accept_nda'));

  const dealsWithEvents = byDeal.size;
  return [
    {
      name: 'every success a party saw has exactly one audit event (none lost)',
      pass: lost === 0 && mismatched === 0 && twice.length === 0,
      detail: `${applied.length} successes; ${lost} without an audit event, ${mismatched} whose event is another action, ${twice.length} versions claimed by two successes`,
      examples: [...lostExamples, ...twice.slice(0, 5).map(([k, n]) => `${k}: claimed by ${n} successes`)],
    },
    {
      name: 'every audit event was seen to succeed by a party (none applied twice or unseen)',
      pass: unseen === 0 && events.length === applied.length,
      detail: `${events.length} audit events on ${dealsWithEvents} deals; ${unseen} seen by no party`,
      examples: unseenExamples,
    },
    {
      name: 'each event starts in the stage the previous one left',
      pass: broken === 0,
      detail: `${broken} deals with a broken chain`,
      examples: brokenExamples,
    },
    {
      name: 'deal version = 1 + its audit events',
      pass: badVersion.length === 0,
      detail: `${deals.length} deals; ${badVersion.length} differ`,
      examples: badVersion.slice(0, 5).map((d) => `${d.id}: version ${d.version}, ${byDeal.get(d.id)?.length ?? 0} events`),
    },
    {
      name: 'term sheets per deal are versions 1..n, one per propose_terms',
      pass: badSheets.length === 0,
      detail: `${sheets.length} term sheets on ${sheetVersions.size} deals; ${badSheets.length} deals wrong`,
      examples: badSheets.slice(0, 5),
    },
    {
      name: 'NDA acceptances = propose_nda + accept_nda events',
      pass: badNda.length === 0,
      detail: `${ndas.length} acceptances; ${badNda.length} deals differ`,
      examples: badNda.slice(0, 5).map((d) => d.id),
    },
  ];
}
