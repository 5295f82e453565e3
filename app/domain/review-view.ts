// What the deal page and the organisation page show of reviews, as plain data (camelCase, ISO
// dates): the services build these, the routes pass them on, the UI renders them. Types only.
import type { Party } from './deal-process.js';
import type { OrganisationType } from './taxonomy.js';

/** A review as the deal's own people (and curators) read it. */
export interface DealReviewView {
  party: Party;
  organisationName: string;
  authorName: string;
  rating: number;
  comment: string;
  createdAt: string;
}

/** The reviews section of a deal whose contract is completed. */
export interface DealReviewsView {
  dealId: string;
  completedAt: string;
  /** When the reviewing window closes, and a lone review shows. */
  windowEndsAt: string;
  /** The reader's side, or null for a curator. */
  party: Party | null;
  /** Both sides' reviews are shown. */
  visible: boolean;
  /** The reader's side's review always; the other side's once visible. */
  reviews: DealReviewView[];
  /** The other side has posted (its review may still be hidden). */
  otherPosted: boolean;
  /** The reader may post its side's review now: the form is offered. */
  mayReview: boolean;
}

/** A review on the public page of the organisation it is about. */
export interface PublicReviewView {
  /** The organisation that wrote it; null when it was the anonymous owner of the deal's listing. */
  reviewerName: string | null;
  reviewerType: OrganisationType | null;
  rating: number;
  comment: string;
  createdAt: string;
}

export interface OrganisationReviewsView {
  /** Mean rating to one decimal, over the reviews shown; null without any. */
  average: number | null;
  count: number;
  reviews: PublicReviewView[];
}
