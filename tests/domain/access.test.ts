import { describe, expect, it } from 'vitest';
import {
  decideMatchAction,
  isListingOwner,
  mayActOnMatches,
  mayAdministerOrganisation,
  mayCurate,
  mayCurateListing,
  maySeeAttachment,
  maySeeListing,
  maySeeListingInside,
  type ListingAccessFacts,
} from '../../app/domain/access.js';
import type { Actor } from '../../app/domain/actor.js';
import { LISTING_PROCESS } from '../../app/domain/listing-process.js';
import { LISTING_STATUSES } from '../../app/domain/taxonomy.js';

const OWNER_ORG = 'org-owner';
const person = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  name: 'N',
  email: 'n@x.vn',
  organisationId: OWNER_ORG,
  organisationType: 'university',
  role: 'member',
  platformAdmin: false,
  ...over,
});
const PEOPLE = {
  visitor: null,
  member: person({}),
  admin: person({ role: 'admin' }),
  other: person({ organisationId: 'org-other', organisationType: 'enterprise', role: 'admin' }),
  curator: person({ organisationId: 'org-agency', organisationType: 'agency' }),
  platform: person({ organisationId: 'org-platform', organisationType: 'enterprise', role: 'admin', platformAdmin: true }),
} as const;
type Who = keyof typeof PEOPLE;
const ALL = Object.keys(PEOPLE) as Who[];

const listing = (status: ListingAccessFacts['status'], submitted = status !== 'draft' && status !== 'archived'): ListingAccessFacts => ({
  organisationId: OWNER_ORG,
  status,
  submittedAt: submitted ? '2026-11-20T00:00:00Z' : null,
});
const who = (pred: (actor: Actor | null) => boolean) => ALL.filter((w) => pred(PEOPLE[w]));

describe('who sees a listing', () => {
  it('inside: its organisation always; curators once it was submitted', () => {
    for (const status of LISTING_STATUSES) {
      expect(who((a) => maySeeListingInside(a, listing(status, true))), status).toEqual(['member', 'admin', 'curator', 'platform']);
      expect(who((a) => maySeeListingInside(a, listing(status, false))), status).toEqual(
        status === 'draft' || status === 'archived' ? ['member', 'admin'] : ['member', 'admin', 'curator', 'platform'],
      );
    }
  });

  it('its public page: everyone once published; otherwise those who see inside', () => {
    expect(who((a) => maySeeListing(a, listing('published')))).toEqual(ALL);
    expect(who((a) => maySeeListing(a, listing('pending_review')))).toEqual(['member', 'admin', 'curator', 'platform']);
    expect(who((a) => maySeeListing(a, listing('draft')))).toEqual(['member', 'admin']);
  });

  it('inside a published listing (confidential details, every file): never the public', () => {
    expect(who((a) => maySeeListingInside(a, listing('published')))).toEqual(['member', 'admin', 'curator', 'platform']);
  });

  it('a file: the public only a let-through, not confidential one of a published listing', () => {
    const open = { confidential: false, reviewState: 'approved' } as const;
    expect(who((a) => maySeeAttachment(a, listing('published'), open))).toEqual(ALL);
    expect(who((a) => maySeeAttachment(a, listing('expired'), open))).toEqual(['member', 'admin', 'curator', 'platform']);
    for (const file of [{ ...open, confidential: true }, { ...open, reviewState: 'pending' as const }, { ...open, reviewState: 'refused' as const }]) {
      expect(who((a) => maySeeAttachment(a, listing('published'), file)), JSON.stringify(file)).toEqual(['member', 'admin', 'curator', 'platform']);
    }
    expect(who((a) => maySeeAttachment(a, listing('draft'), open))).toEqual(['member', 'admin']);
  });
});

describe('who may do what', () => {
  it("a listing's matches: its organisation acts; who only sees is refused; who may not see is not told", () => {
    for (const status of LISTING_STATUSES) {
      expect(who((a) => mayActOnMatches(a, listing(status))), status).toEqual(['member', 'admin']);
    }
    const decisions = (l: ListingAccessFacts) => Object.fromEntries(ALL.map((w) => [w, decideMatchAction(PEOPLE[w], l)]));
    expect(decisions(listing('published'))).toEqual({ visitor: 'forbidden', member: 'ok', admin: 'ok', other: 'forbidden', curator: 'forbidden', platform: 'forbidden' });
    expect(decisions(listing('pending_review'))).toEqual({ visitor: 'hidden', member: 'ok', admin: 'ok', other: 'hidden', curator: 'forbidden', platform: 'forbidden' });
    expect(decisions(listing('draft'))).toEqual({ visitor: 'hidden', member: 'ok', admin: 'ok', other: 'hidden', curator: 'hidden', platform: 'hidden' });
  });

  it('curator work: agency staff and the platform admin, on listings they see inside', () => {
    expect(who(mayCurate)).toEqual(['curator', 'platform']);
    expect(who((a) => mayCurateListing(a, listing('published')))).toEqual(['curator', 'platform']);
    // An archived draft that was never submitted is still its organisation's own.
    expect(who((a) => mayCurateListing(a, listing('archived', false)))).toEqual([]);
    expect(who((a) => mayCurateListing(a, listing('archived', true)))).toEqual(['curator', 'platform']);
  });

  it("an organisation's administration: its admins only", () => {
    expect(who((a) => mayAdministerOrganisation(a, OWNER_ORG))).toEqual(['admin']);
    expect(who((a) => mayAdministerOrganisation(a, 'org-other'))).toEqual(['other']);
  });

  it('the sides of a listing transition', () => {
    const sides = (a: Actor | null, l: ListingAccessFacts) => LISTING_PROCESS.sidesOf(a, { ...l, publishedAt: null, hasPendingRevision: false });
    expect(who((a) => sides(a, listing('draft')).includes('owner'))).toEqual(['member', 'admin']);
    expect(who((a) => sides(a, listing('pending_review')).includes('curator'))).toEqual(['curator', 'platform']);
    expect(who((a) => sides(a, listing('published')).includes('system'))).toEqual(['visitor']);
    expect(who((a) => isListingOwner(a, listing('published')))).toEqual(['member', 'admin']);
  });
});
