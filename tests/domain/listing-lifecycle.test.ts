import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { availableTransitions, canTake, statusAfterEdit } from '../../app/domain/listing-lifecycle.js';

const person = (organisationId: string, organisationType: Actor['organisationType'] = 'university'): Actor => ({
  userId: 'u', name: 'n', email: 'e', organisationId, organisationType, role: 'member', platformAdmin: false,
});
const owner = person('org-a');
const stranger = person('org-b', 'enterprise');
const curator = person('agency', 'agency');
const listing = (status: Parameters<typeof availableTransitions>[0]['status']) => ({ status, organisationId: 'org-a' });

describe('the listing lifecycle', () => {
  it('offers each side only its own moves', () => {
    expect(availableTransitions(listing('draft'), owner)).toEqual(['submit', 'archive']);
    expect(availableTransitions(listing('pending_review'), owner)).toEqual([]);
    expect(availableTransitions(listing('pending_review'), curator)).toEqual(['approve', 'request_changes', 'reject']);
    expect(availableTransitions(listing('published'), owner)).toEqual(['archive', 'renew']);
    expect(availableTransitions(listing('published'), stranger)).toEqual([]);
    expect(availableTransitions(listing('rejected'), owner)).toEqual([]);
  });

  it('leaves expiry to the system alone', () => {
    expect(canTake('expire', listing('published'), null)).toBe(true);
    expect(canTake('expire', listing('published'), owner)).toBe(false);
    expect(canTake('expire', listing('published'), curator)).toBe(false);
  });

  it('sends an edited published listing back to review, and leaves drafts as they are', () => {
    expect(statusAfterEdit('published')).toBe('pending_review');
    expect(statusAfterEdit('draft')).toBe('draft');
    expect(statusAfterEdit('changes_requested')).toBe('changes_requested');
  });
});
