import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { actorFromSession, signIn } from '../../app/services/accounts.server.js';
import { ConflictError, InvalidInputError, NotFoundError, PermissionError } from '../../app/services/errors.js';
import { runDueTimers } from '../../app/services/process-timers.server.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { setFeatured } from '../../app/services/curation.server.js';
import { featuredListings, findListings } from '../../app/services/listings.server.js';
import { createListing, getOwnListing, updateListing } from '../../app/services/my-listings.server.js';
import { listNotifications } from '../../app/services/notifications.server.js';
import { AI_OFFER, WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let now = new Date('2026-11-22T03:00:00Z');
let owner: Actor;
let stranger: Actor;
let curatorA: Actor;
let curatorB: Actor;

async function actor(email: string): Promise<Actor> {
  const { token } = await signIn(market.ctx, { email, password: 'mat-khau-thu-nghiem' }, { ip: '127.0.0.1' });
  return (await actorFromSession(market.ctx, token))!;
}

const ids = (cards: { id: string }[]) => cards.map((c) => c.id);

beforeAll(async () => {
  market = await createTestMarket({ clock: () => now });
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const uni = await createOrganisation(market.db, { slug: 'dh-a', name: 'Đại học A', type: 'university', taxCode: '0100000011' });
  const firm = await createOrganisation(market.db, { slug: 'cty-b', name: 'Công ty B', type: 'enterprise', taxCode: '0100000012' });
  const agency = await createOrganisation(market.db, { slug: 'so-khcn', name: 'Sở KH&CN', type: 'agency', taxCode: '0100000013' });
  await createUser(market.db, { email: 'owner@a.vn', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'stranger@b.vn', organisationId: firm, passwordHash });
  await createUser(market.db, { email: 'lan@so.vn', organisationId: agency, passwordHash });
  await createUser(market.db, { email: 'minh@so.vn', organisationId: agency, passwordHash });
  const people = await Promise.all(['owner@a.vn', 'stranger@b.vn', 'lan@so.vn', 'minh@so.vn'].map(actor));
  [owner, stranger, curatorA, curatorB] = people as [Actor, Actor, Actor, Actor];
});

afterAll(() => market?.close());

describe('a listing from draft to publication', () => {
  it('is private until approved, then searchable, and every step is in its history', async () => {
    const { id } = await createListing(market.ctx, owner, WASTEWATER_OFFER);
    await expect(applyListingTransition(market.ctx, stranger, id, 'submit')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOwnListing(market.ctx, stranger, id)).rejects.toBeInstanceOf(NotFoundError);
    await applyListingTransition(market.ctx, owner, id, 'submit');
    expect(ids((await findListings(market.ctx, parseListingQuery(new URLSearchParams('q=nuoc thai')))).cards)).not.toContain(id);

    await expect(applyListingTransition(market.ctx, owner, id, 'approve')).rejects.toBeInstanceOf(PermissionError);
    await expect(applyListingTransition(market.ctx, curatorA, id, 'request_changes', { reason: '  ' })).rejects.toBeInstanceOf(InvalidInputError);
    await applyListingTransition(market.ctx, curatorA, id, 'request_changes', { reason: 'Nêu rõ công suất' });
    const notes = await listNotifications(market.ctx, owner);
    expect(notes[0]).toMatchObject({ kind: 'listing_changes_requested', params: { reason: 'Nêu rõ công suất' } });

    await updateListing(market.ctx, owner, id, { ...WASTEWATER_OFFER, summary: 'Hệ thống xử lý nước thải công suất 500 m³/ngày, đã vận hành 3 năm.' });
    await applyListingTransition(market.ctx, owner, id, 'submit');
    await applyListingTransition(market.ctx, curatorB, id, 'approve');
    expect(ids((await findListings(market.ctx, parseListingQuery(new URLSearchParams('q=nuoc thai')))).cards)).toContain(id);

    const listing = await getOwnListing(market.ctx, owner, id);
    expect(listing.status).toBe('published');
    expect(listing.expiresAt).toBe(new Date(now.getTime() + 365 * 86_400_000).toISOString());
    expect(listing.history.map((h) => h.action).reverse()).toEqual(['create', 'submit', 'request_changes', 'edit', 'submit', 'approve']);
    expect(listing.history[0]).toMatchObject({ action: 'approve', from: 'pending_review', to: 'published', by: 'minh@so.vn' });

    await expect(setFeatured(market.ctx, owner, id, true)).rejects.toBeInstanceOf(PermissionError);
    expect(ids(await featuredListings(market.ctx))).not.toContain(id);
    await setFeatured(market.ctx, curatorA, id, true);
    expect(ids(await featuredListings(market.ctx))).toEqual([id]);
    expect((await getOwnListing(market.ctx, owner, id)).history[0]).toMatchObject({ action: 'feature', by: 'lan@so.vn' });
  });

  it('lets exactly one of two curators deciding at once win', async () => {
    const { id } = await createListing(market.ctx, owner, AI_OFFER);
    await applyListingTransition(market.ctx, owner, id, 'submit');
    const results = await Promise.allSettled([
      applyListingTransition(market.ctx, curatorA, id, 'approve'),
      applyListingTransition(market.ctx, curatorB, id, 'reject', { reason: 'Trùng lặp' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect((lost.reason as ConflictError).problem.code).toBe('already_decided');
    const decisions = (await getOwnListing(market.ctx, owner, id)).history.filter((h) => h.action === 'approve' || h.action === 'reject');
    expect(decisions).toHaveLength(1);
  });

  it('refuses an edit made on a stale version', async () => {
    const { id } = await createListing(market.ctx, owner, AI_OFFER);
    const { version } = await getOwnListing(market.ctx, owner, id);
    await updateListing(market.ctx, owner, id, { ...AI_OFFER, title: 'Vietnamese OCR, second edition' }, version);
    await expect(updateListing(market.ctx, owner, id, { ...AI_OFFER, title: 'A late edit' }, version)).rejects.toBeInstanceOf(ConflictError);
    expect((await getOwnListing(market.ctx, owner, id)).input.title).toBe('Vietnamese OCR, second edition');
  });
});

describe('freshness', () => {
  it('reminds the owner two weeks ahead, once, then expires the listing and takes it out of search', async () => {
    const { id } = await createListing(market.ctx, owner, { ...AI_OFFER, title: 'OCR for hospital records' });
    await applyListingTransition(market.ctx, owner, id, 'submit');
    await applyListingTransition(market.ctx, curatorA, id, 'approve');
    const publishedAt = now;

    now = new Date(publishedAt.getTime() + 352 * 86_400_000);
    expect((await runDueTimers(market.ctx)).taken).toBeGreaterThanOrEqual(1);
    expect(await runDueTimers(market.ctx)).toEqual({ taken: 0, movedOn: 0 });
    expect((await listNotifications(market.ctx, owner)).some((n) => n.kind === 'listing_expiring' && n.params.title === 'OCR for hospital records')).toBe(true);
    expect(await market.db.selectFrom('emails').select('subject').where('to', '=', 'owner@a.vn').execute()).not.toHaveLength(0);

    now = new Date(publishedAt.getTime() + 366 * 86_400_000);
    expect((await runDueTimers(market.ctx)).taken).toBeGreaterThanOrEqual(1);
    expect((await getOwnListing(market.ctx, owner, id)).status).toBe('expired');
    expect(ids((await findListings(market.ctx, parseListingQuery(new URLSearchParams('q=hospital')))).cards)).not.toContain(id);

    await applyListingTransition(market.ctx, owner, id, 'renew');
    const renewed = await getOwnListing(market.ctx, owner, id);
    expect(renewed.status).toBe('published');
    expect(renewed.confirmedActiveAt).toBe(now.toISOString());
    expect(ids((await findListings(market.ctx, parseListingQuery(new URLSearchParams('q=hospital')))).cards)).toContain(id);

    await applyListingTransition(market.ctx, owner, id, 'archive');
    expect(ids((await findListings(market.ctx, parseListingQuery(new URLSearchParams('q=hospital')))).cards)).not.toContain(id);
    const history = (await getOwnListing(market.ctx, owner, id)).history.map((h) => h.action).reverse();
    expect(history).toEqual(['create', 'submit', 'approve', 'remind_expiry', 'expire', 'renew', 'archive']);
  });

  it('forgets the timers of a stay that ended: a renewal moves the expiry, an archived listing never expires', async () => {
    const { id } = await createListing(market.ctx, owner, { ...AI_OFFER, title: 'OCR for land registers' });
    await applyListingTransition(market.ctx, owner, id, 'submit');
    await applyListingTransition(market.ctx, curatorA, id, 'approve');
    const publishedAt = now;
    now = new Date(publishedAt.getTime() + 300 * 86_400_000);
    await applyListingTransition(market.ctx, owner, id, 'renew');
    // The first year's end passes: nothing happens, the renewal started a new year.
    now = new Date(publishedAt.getTime() + 370 * 86_400_000);
    await runDueTimers(market.ctx);
    expect((await getOwnListing(market.ctx, owner, id)).status).toBe('published');
    await applyListingTransition(market.ctx, owner, id, 'archive');
    now = new Date(publishedAt.getTime() + 700 * 86_400_000);
    await runDueTimers(market.ctx);
    const listing = await getOwnListing(market.ctx, owner, id);
    expect(listing.status).toBe('archived');
    expect(listing.history.map((h) => h.action)).not.toContain('expire');
    expect(listing.history.map((h) => h.action)).not.toContain('remind_expiry');
  });
});
