// A milestone of a signed contract as one process table: the buyer pays (a bank transfer it
// reports and the seller confirms, or a card payment a verified webhook records), the seller
// delivers, the buyer accepts or asks for changes; a delivery nobody answers is accepted on its
// own after 14 days. The platform never holds the money: it records what the parties say.
import { maySeeDeal, mayCurate } from './access.js';
import type { Actor } from './actor.js';
import { partiesOf } from './deal-process.js';
import type { FieldProblems } from './problem.js';
import type { Process, Transition } from './process.js';

export const MILESTONE_STAGES = ['due', 'transfer_reported', 'paid', 'delivered', 'changes_requested', 'accepted'] as const;
export type MilestoneStage = (typeof MILESTONE_STAGES)[number];
export type MilestoneSide = 'buyer' | 'seller' | 'curator' | 'system';

/** A delivery the buyer neither accepts nor questions is accepted after this many days. */
export const AUTO_ACCEPT_DAYS = 14;
/** A milestone is payable within this many days: the first from the signing, each next from the acceptance of the one before. */
export const PAYMENT_DAYS = 30;
/** The buyer is reminded this many days before a milestone's payment is due. */
export const PAYMENT_REMINDER_DAYS = 7;
/** A milestone reported unpaid ("nothing arrived") is flagged overdue again after this many days. */
export const NOT_RECEIVED_GRACE_DAYS = 7;

const DAY_MS = 86_400_000;
/** Not paid by its date: still to pay (nothing reported, or reported and then not received) after `payBy`. */
export function isOverdue(m: { stage: MilestoneStage; payBy: Date | string | null }, now: Date): boolean {
  return m.stage === 'due' && m.payBy !== null && new Date(m.payBy).getTime() <= now.getTime();
}

/** When a milestone payable from `from` is due, and the timers that remind the buyer and flag it overdue. */
export function paymentTimers(from: Date): { payBy: Date; timers: { take: MilestoneTransitionName; dueAt: Date }[] } {
  const payBy = new Date(from.getTime() + PAYMENT_DAYS * DAY_MS);
  return {
    payBy,
    timers: [
      { take: 'remind_payment', dueAt: new Date(payBy.getTime() - PAYMENT_REMINDER_DAYS * DAY_MS) },
      { take: 'flag_overdue', dueAt: payBy },
    ],
  };
}
export const NOTE_MAX = 2000;

export interface MilestoneFacts {
  stage: MilestoneStage;
  /** Milestones move only while their contract is signed (not before, not once ended). */
  contractStage: string;
  buyerOrganisationId: string;
  sellerOrganisationId: string;
  amount: number;
}

export interface MilestoneTransitionInput {
  /** What was delivered, what should change, why nothing arrived. */
  note?: string | null;
  reason?: string | null;
}

const noteRequired = (input: MilestoneTransitionInput): FieldProblems | null => {
  const note = (input.note ?? '').trim();
  if (!note) return { note: [{ code: 'required' }] };
  return note.length > NOTE_MAX ? { note: [{ code: 'too_long', params: { max: NOTE_MAX } }] } : null;
};
const noteOptional = (input: MilestoneTransitionInput): FieldProblems | null =>
  (input.note ?? '').trim().length > NOTE_MAX ? { note: [{ code: 'too_long', params: { max: NOTE_MAX } }] } : null;

const inForce = (m: MilestoneFacts) => m.contractStage === 'signed';

type T = Transition<MilestoneStage, MilestoneSide, MilestoneFacts, MilestoneTransitionInput, string>;

const table = {
  /** The buyer says the bank transfer was made (VietQR or by hand). */
  report_transfer: {
    from: ['due'],
    to: 'transfer_reported',
    by: ['buyer'],
    when: inForce,
    check: noteOptional,
    notifies: [{ to: 'seller', kind: 'milestone_transfer_reported' }],
  },
  /** The seller confirms the money arrived. */
  confirm_receipt: {
    from: ['transfer_reported'],
    to: 'paid',
    by: ['seller'],
    when: inForce,
    sets: (_m, at) => ({ paidAt: at }),
    notifies: [{ to: 'buyer', kind: 'milestone_paid' }],
  },
  /** The seller reports that nothing arrived: due again, and overdue if still unpaid a week later. */
  report_not_received: {
    from: ['transfer_reported'],
    to: 'due',
    by: ['seller'],
    when: inForce,
    check: noteOptional,
    timers: [{ take: 'flag_overdue', afterDays: NOT_RECEIVED_GRACE_DAYS }],
    notifies: [{ to: 'buyer', kind: 'milestone_not_received' }, { to: 'curator', kind: 'milestone_not_received' }],
  },
  /** A card payment, recorded only from the provider's verified webhook. */
  record_card_payment: {
    from: ['due', 'transfer_reported'],
    to: 'paid',
    by: ['system'],
    when: inForce,
    sets: (_m, at) => ({ paidAt: at }),
    notifies: [
      { to: 'buyer', kind: 'milestone_paid' },
      { to: 'seller', kind: 'milestone_paid' },
    ],
  },
  /** The seller delivers what the milestone names (again, after changes were asked). */
  deliver: {
    from: ['paid', 'changes_requested'],
    to: 'delivered',
    by: ['seller'],
    when: inForce,
    check: noteRequired,
    sets: (_m, at) => ({ deliveredAt: at }),
    timers: [{ take: 'auto_accept', afterDays: AUTO_ACCEPT_DAYS }],
    notifies: [{ to: 'buyer', kind: 'milestone_delivered' }],
  },
  request_changes: {
    from: ['delivered'],
    to: 'changes_requested',
    by: ['buyer'],
    when: inForce,
    check: noteRequired,
    notifies: [{ to: 'seller', kind: 'milestone_changes_requested' }],
  },
  accept: {
    from: ['delivered'],
    to: 'accepted',
    by: ['buyer'],
    when: inForce,
    sets: (_m, at) => ({ acceptedAt: at }),
    notifies: [{ to: 'seller', kind: 'milestone_accepted' }],
  },
  /** A week before the payment is due, the buyer is reminded (the timer is set when the milestone becomes payable). */
  remind_payment: { from: ['due'], by: ['system'], when: inForce, notifies: [{ to: 'buyer', kind: 'milestone_payment_due' }] },
  /** Not paid by its date: both sides and the curator see it flagged. Reporting a transfer ends the wait. */
  flag_overdue: {
    from: ['due'],
    by: ['system'],
    when: inForce,
    notifies: [
      { to: 'buyer', kind: 'milestone_overdue' },
      { to: 'seller', kind: 'milestone_overdue' },
      { to: 'curator', kind: 'milestone_overdue' },
    ],
  },
  /** Nobody answered the delivery within 14 days. */
  auto_accept: {
    from: ['delivered'],
    to: 'accepted',
    by: ['system'],
    when: inForce,
    sets: (_m, at) => ({ acceptedAt: at }),
    notifies: [
      { to: 'buyer', kind: 'milestone_auto_accepted' },
      { to: 'seller', kind: 'milestone_auto_accepted' },
    ],
  },
} as const satisfies Record<string, T>;

export type MilestoneTransitionName = keyof typeof table;

export const MILESTONE_PROCESS: Process<MilestoneStage, MilestoneSide, MilestoneFacts, MilestoneTransitionInput, MilestoneTransitionName> = {
  entity: 'milestone',
  transitions: table as Record<MilestoneTransitionName, Transition<MilestoneStage, MilestoneSide, MilestoneFacts, MilestoneTransitionInput, MilestoneTransitionName>>,
  stateOf: (m) => m.stage,
  sidesOf(actor: Actor | null, m) {
    if (actor === null) return ['system'];
    const sides: MilestoneSide[] = [...partiesOf(actor, m)];
    if (mayCurate(actor)) sides.push('curator');
    return sides;
  },
  visibleTo: (actor, m) => actor === null || maySeeDeal(actor, m),
  wrongState: 'milestone_wrong_stage',
  forbidden: { buyer: 'forbidden_party', seller: 'forbidden_party' },
};
