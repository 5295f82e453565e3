// What a deal's pages show, as plain data (camelCase, ISO dates): the services build these, the
// routes pass them on, the UI renders them. Types only.
import type { ListingLanguage } from './taxonomy.js';
import type { DealStage, DealTransitionName, Party } from './deal-process.js';
import type { TermSheet } from './deal-terms.js';

/** Who did something on the deal, as the reader may know them: a person of a side, a curator, the system. */
export type DealSideLabel = Party | 'curator' | 'system';

export type TimelineEntry =
  | { type: 'event'; action: string; from: string | null; to: string | null; reason: string | null; declineReason: string | null; termsVersion: number | null; by: string | null; side: DealSideLabel; at: string }
  | { type: 'message'; body: string; by: string | null; side: DealSideLabel; at: string; files: DealFileView[] };

/** A file sent with a message, downloaded at `/deals/:id/files/:fileId`. */
export interface DealFileView {
  id: string;
  filename: string;
  size: number;
}

export interface TermSheetView {
  version: number;
  proposedBy: Party;
  terms: TermSheet;
  validUntil: string;
  createdAt: string;
  /** What changed against the version before (null for the first). */
  changed: (keyof TermSheet)[] | null;
  latest: boolean;
  expired: boolean;
}

export interface DealView {
  id: string;
  stage: DealStage;
  version: number;
  owner: Party;
  listing: { id: string; title: string; kind: 'offer' | 'demand'; language: ListingLanguage; ownerName: string | null; hasConfidentialDetails: boolean; confidentialDetails: string | null };
  /** The organisation that expressed interest, named to both sides from the start. */
  interestedName: string;
  interest: { cooperation: string; unclear: string; aboutUs: string; transferMode: string | null; priceIndication: number | null };
  createdAt: string;
  answerDueAt: string | null;
  daysLeft: number | null;
  declineReason: string | null;
  nda: { proposedBy: Party | null; inForceAt: string | null; acceptances: { party: Party; by: string; at: string; ndaVersion: string; sha256: string }[]; text: string; version: string };
  termSheets: TermSheetView[];
  /** Once agreed: the version both sides accepted and the SHA-256 of its canonical form, which the contract is made from. */
  agreedTerms: { version: number; sha256: string } | null;
  /** The contract made from the agreed terms. */
  contract: { id: string; number: string; stage: string } | null;
  /** The org admins of each side, once the NDA is in force. */
  contacts: Record<Party, { name: string; email: string }[]> | null;
  timeline: TimelineEntry[];
  /** The reader's party, or null for a curator. */
  party: Party | null;
  transitions: DealTransitionName[];
  mayMessage: boolean;
}

export interface DealCard {
  id: string;
  stage: DealStage;
  listingTitle: string;
  /** The other organisation, unless it is an anonymous owner not yet named to the reader. */
  counterpartName: string | null;
  party: Party;
  updatedAt: string;
  answerDueAt: string | null;
  daysLeft: number | null;
}

export interface DealInbox {
  awaitingYou: DealCard[];
  awaitingThem: DealCard[];
  agreed: DealCard[];
  closed: DealCard[];
}
