// What the contract and milestone pages show, as plain data (ISO dates): built by the services,
// passed on by the routes, rendered by the UI. Types only.
import type { ContractStage, ContractTransitionName } from './contract-process.js';
import type { ContractText } from './contract-text.js';
import type { Party } from './deal-process.js';
import type { Problem } from './problem.js';
import type { MilestoneStage, MilestoneTransitionName } from './milestone-process.js';

export interface MilestoneCard {
  id: string;
  number: number;
  amount: number;
  condition: string;
  deliverable: string;
  stage: MilestoneStage;
  version: number;
  transferReference: string;
  /** Payable by (ISO); null until it becomes payable (the one before not accepted yet). */
  payBy: string | null;
  /** Not paid by its date: flagged to both sides and the curator. */
  overdue: boolean;
}

export interface ContractView {
  id: string;
  dealId: string;
  number: string;
  stage: ContractStage;
  version: number;
  contentVersion: number;
  contentSha256: string;
  text: ContractText;
  /** Blanks a party still has to complete before anybody signs (`seller.address` …). */
  gaps: string[];
  /** The reader's own details as the revision form shows them, when the reader signs for a party. */
  ownDetails: { address: string; legalRepresentative: string; representativeTitle: string; ipNumber: string | null; stateFunded: boolean | null } | null;
  /** A scan of the signed paper contract waiting for the other side's confirmation. */
  paperUploadedBy: Party | null;
  signatures: { party: Party; method: 'click' | 'digital' | 'paper'; typedName: string; at: string; certificate: string | null }[];
  milestones: MilestoneCard[];
  party: Party | null;
  transitions: ContractTransitionName[];
}

/** The seller's account for this milestone's transfer, while the buyer has to pay. */
export interface BankTransferView {
  bankName: string;
  accountNumber: string;
  holderName: string;
  /** The VietQR (EMVCo) payload for this amount and reference, for an app to draw its own code. */
  qrPayload: string;
}

/** A milestone as its two sides and curators see it (the API's answer). */
export interface MilestoneDetails extends MilestoneCard {
  contractId: string;
  contractNumber: string;
  contractStage: ContractStage;
  party: Party | null;
  transitions: MilestoneTransitionName[];
  bankTransfer: BankTransferView | null;
  /** Card payment for the buyer of a due milestone: offered, or why not (Stripe not configured, amount over its limit). */
  card: { available: true } | { available: false; problem: Problem } | null;
  payments: { provider: 'bank_transfer' | 'stripe'; status: string; amount: number; at: string }[];
  history: { action: string; note: string | null; at: string }[];
}

/** The milestone page's data: the same, with the VietQR code drawn as SVG. */
export interface MilestoneView extends MilestoneDetails {
  bankTransfer: (BankTransferView & { qrSvg: string }) | null;
}
