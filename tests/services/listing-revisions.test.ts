// Issue 8's fifth fault: editing a published listing took it off the market until a curator
// reviewed the edit. Now the published text stays public while the revision waits beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { actorFromSession, signIn } from '../../app/services/accounts.server.js';
import { ConflictError, InvalidInputError } from '../../app/services/errors.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { findListings, getListing } from '../../app/services/listings.server.js';
import { createListing, getOwnListing, updateListing } from '../../app/services/my-listings.server.js';
import { listNotifications } from '../../app/services/notifications.server.js';
import { AI_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let owner: Actor;
let curator: Actor;

async function actor(email: string): Promise<Actor> {
  const { token } = await signIn(market.ctx, { email, password: 'mat-khau-thu-nghiem' }, { ip: '127.0.0.1' });
  return (await actorFromSession(market.ctx, token))!;
}
const found = async (q: string) => (await findListings(market.ctx, parseListingQuery(new URLSearchParams({ q })))).cards.map((c) => c.title);

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const uni = await createOrganisation(market.db, { slug: 'dh-r', name: 'Đại học R', type: 'university', taxCode: '0100000021' });
  const agency = await createOrganisation(market.db, { slug: 'so-r', name: 'Sở KH&CN R', type: 'agency', taxCode: '0100000022' });
  await createUser(market.db, { email: 'owner@r.vn', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'curator@r.vn', organisationId: agency, passwordHash });
  [owner, curator] = (await Promise.all(['owner@r.vn', 'curator@r.vn'].map(actor))) as [Actor, Actor];
});

afterAll(() => market?.close());

async function publishedListing(title: string): Promise<string> {
  const created = await createListing(market.ctx, owner, { ...AI_OFFER, title });
  await applyListingTransition(market.ctx, owner, created.id, 'submit');
  await applyListingTransition(market.ctx, curator, created.id, 'approve');
  return created.id;
}

describe('revising a published listing', () => {
  it('keeps the published text public and searchable while the revision waits, then swaps it in on approval', async () => {
    const id = await publishedListing('Nhận dạng chữ viết tay tiếng Việt');
    const { version } = await getOwnListing(market.ctx, owner, id);
    const result = await updateListing(market.ctx, owner, id, { ...AI_OFFER, title: 'Nhận dạng chữ viết tay tiếng Việt, bản 2' }, version);
    expect(result.status).toBe('published');

    // The public still sees the published text, in the page and in search.
    expect((await getListing(market.ctx, id)).title).toBe('Nhận dạng chữ viết tay tiếng Việt');
    expect(await found('chu viet tay')).toContain('Nhận dạng chữ viết tay tiếng Việt');
    const own = await getOwnListing(market.ctx, owner, id);
    expect(own.status).toBe('published');
    expect(own.pendingRevision?.input.title).toBe('Nhận dạng chữ viết tay tiếng Việt, bản 2');
    expect((await getOwnListing(market.ctx, curator, id)).transitions).toEqual(['approve_revision', 'decline_revision']);

    await applyListingTransition(market.ctx, curator, id, 'approve_revision');
    expect((await getListing(market.ctx, id)).title).toBe('Nhận dạng chữ viết tay tiếng Việt, bản 2');
    expect(await found('chu viet tay')).toContain('Nhận dạng chữ viết tay tiếng Việt, bản 2');
    const after = await getOwnListing(market.ctx, owner, id);
    expect(after.pendingRevision).toBeNull();
    expect(after.history.map((h) => h.action).slice(0, 2)).toEqual(['approve_revision', 'revise']);
    expect((await listNotifications(market.ctx, owner))[0]).toMatchObject({ kind: 'listing_revision_approved' });
  });

  it('keeps the published text when the curator declines the revision, and says why', async () => {
    const id = await publishedListing('Cảm biến độ mặn cho ao nuôi');
    await updateListing(market.ctx, owner, id, { ...AI_OFFER, title: 'Cảm biến độ mặn, giá rẻ nhất thị trường' });
    await expect(applyListingTransition(market.ctx, curator, id, 'decline_revision', { reason: ' ' })).rejects.toBeInstanceOf(InvalidInputError);
    await applyListingTransition(market.ctx, curator, id, 'decline_revision', { reason: 'Không nêu so sánh giá không kiểm chứng được' });
    expect((await getListing(market.ctx, id)).title).toBe('Cảm biến độ mặn cho ao nuôi');
    expect((await getOwnListing(market.ctx, owner, id)).pendingRevision).toBeNull();
    expect((await listNotifications(market.ctx, owner))[0]).toMatchObject({ kind: 'listing_revision_declined', params: { reason: 'Không nêu so sánh giá không kiểm chứng được' } });
    // Nothing is left to decide.
    await expect(applyListingTransition(market.ctx, curator, id, 'approve_revision')).rejects.toBeInstanceOf(ConflictError);
  });

  it('replaces a waiting revision with a newer one, and drops it when the listing is archived', async () => {
    const id = await publishedListing('Máy sấy nông sản năng lượng mặt trời');
    await updateListing(market.ctx, owner, id, { ...AI_OFFER, title: 'Máy sấy nông sản, bản A' });
    await updateListing(market.ctx, owner, id, { ...AI_OFFER, title: 'Máy sấy nông sản, bản B' });
    expect((await getOwnListing(market.ctx, owner, id)).pendingRevision?.input.title).toBe('Máy sấy nông sản, bản B');
    await applyListingTransition(market.ctx, owner, id, 'archive');
    expect((await getOwnListing(market.ctx, owner, id)).pendingRevision).toBeNull();
    const states = await market.db.selectFrom('listing_revisions').select('state').where('listing_id', '=', id).orderBy('proposed_at').execute();
    expect(states.map((s) => s.state)).toEqual(['replaced', 'withdrawn']);
  });
});
