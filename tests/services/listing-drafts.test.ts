// Writing a listing: a draft saved incomplete, checked whole at submission; one draft per
// idempotency key; archive and restore; a rejected listing edited and sent back through review;
// the curator's latest request shown to the owner; the preview as the public will see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { Actor } from '../../app/domain/actor.js';
import { parseListingQuery } from '../../app/domain/listing-query.js';
import { actorFromSession, signIn } from '../../app/services/accounts.server.js';
import { InvalidInputError } from '../../app/services/errors.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { findListings } from '../../app/services/listings.server.js';
import { computeMatches } from '../../app/services/matching.server.js';
import { createListing, getOwnListing, previewOwnListing, updateListing } from '../../app/services/my-listings.server.js';
import { WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let owner: Actor;
let curator: Actor;

async function actor(email: string): Promise<Actor> {
  const { token } = await signIn(market.ctx, { email, password: 'mat-khau-thu-nghiem' }, { ip: '127.0.0.1' });
  return (await actorFromSession(market.ctx, token))!;
}

const TITLE_ONLY = { kind: 'offer', title: 'Màng lọc nano (bản nháp)' };

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const uni = await createOrganisation(market.db, { slug: 'dh-d', name: 'Đại học D', type: 'university', taxCode: '0100000021' });
  const agency = await createOrganisation(market.db, { slug: 'so-d', name: 'Sở KH&CN D', type: 'agency', taxCode: '0100000022' });
  await createUser(market.db, { email: 'owner@d.vn', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'curator@d.vn', organisationId: agency, passwordHash });
  [owner, curator] = (await Promise.all(['owner@d.vn', 'curator@d.vn'].map(actor))) as [Actor, Actor];
});

afterAll(() => market?.close());

async function refusal(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

describe('a draft saved incomplete', () => {
  it('saves with only a title, and submission names every missing field', async () => {
    const { id } = await createListing(market.ctx, owner, TITLE_ONLY);
    const own = await getOwnListing(market.ctx, owner, id);
    expect(own).toMatchObject({ status: 'draft', input: { title: TITLE_ONLY.title, trl: null, province: null, sectors: [], transferModes: [] } });
    expect(Object.keys(own.submissionProblems ?? {})).toEqual(expect.arrayContaining(['summary', 'sectors', 'trl', 'transferModes', 'province', 'ipStatus']));

    const error = await refusal(applyListingTransition(market.ctx, owner, id, 'submit'));
    expect(error.fieldErrors).toMatchObject({ form: [{ code: 'incomplete_for_review' }], trl: [{ code: 'trl_range' }], province: [{ code: 'choose_province' }] });
    expect((await getOwnListing(market.ctx, owner, id)).status).toBe('draft');

    // Still a title at least, and the limits hold before submission too.
    expect((await refusal(createListing(market.ctx, owner, { kind: 'offer', title: '' }))).fieldErrors).toHaveProperty('title');
    expect((await refusal(updateListing(market.ctx, owner, id, { ...TITLE_ONLY, trl: 12 }))).fieldErrors).toHaveProperty('trl');

    await updateListing(market.ctx, owner, id, { ...WASTEWATER_OFFER, title: TITLE_ONLY.title });
    await expect(applyListingTransition(market.ctx, owner, id, 'submit')).resolves.toMatchObject({ status: 'pending_review' });
  });

  it('never reaches search or matching while incomplete', async () => {
    const { id } = await createListing(market.ctx, owner, { kind: 'demand', title: 'Cần màng lọc nano cho nước thải' });
    await market.relay();
    await expect(computeMatches(market.ctx, id)).resolves.toEqual({ stored: 0, announced: 0 });
    const results = await findListings(market.ctx, parseListingQuery(new URLSearchParams('q=mang loc nano')));
    expect(results.cards.map((c) => c.id)).not.toContain(id);
  });

  it('refuses a revision of a published listing that is incomplete', async () => {
    const { id } = await createListing(market.ctx, owner, WASTEWATER_OFFER);
    await applyListingTransition(market.ctx, owner, id, 'submit');
    await applyListingTransition(market.ctx, curator, id, 'approve');
    const error = await refusal(updateListing(market.ctx, owner, id, TITLE_ONLY));
    expect(error.fieldErrors).toHaveProperty('trl');
    expect((await getOwnListing(market.ctx, owner, id)).pendingRevision).toBeNull();
  });
});

describe('one draft per idempotency key', () => {
  it('answers the first draft to a second request with the same key, even at once', async () => {
    const count = async () => Number((await market.db.selectFrom('listings').select((eb) => eb.fn.countAll().as('n')).where('title', '=', 'Hai lần bấm').executeTakeFirstOrThrow()).n);
    const key = 'b7f0c7a2-3c55-4d2e-9d0e-1a2b3c4d5e6f';
    const [a, b] = await Promise.all([
      createListing(market.ctx, owner, { kind: 'offer', title: 'Hai lần bấm' }, { idempotencyKey: key }),
      createListing(market.ctx, owner, { kind: 'offer', title: 'Hai lần bấm' }, { idempotencyKey: key }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await count()).toBe(1);
    const c = await createListing(market.ctx, owner, { kind: 'offer', title: 'Hai lần bấm' }, { idempotencyKey: 'another-key-123' });
    expect(c.id).not.toBe(a.id);
    expect(await count()).toBe(2);
  });
});

describe('archive, restore, and a rejected listing sent back', () => {
  it('restores an archived listing as a draft, in its history', async () => {
    const { id } = await createListing(market.ctx, owner, WASTEWATER_OFFER);
    await applyListingTransition(market.ctx, owner, id, 'archive');
    await expect(applyListingTransition(market.ctx, owner, id, 'restore')).resolves.toMatchObject({ status: 'draft' });
    const own = await getOwnListing(market.ctx, owner, id);
    expect(own.history[0]).toMatchObject({ action: 'restore', from: 'archived', to: 'draft' });
    expect(own.transitions).toContain('submit');
  });

  it('lets the owner edit a rejected listing and send it back to review, the refusal shown until then', async () => {
    const { id } = await createListing(market.ctx, owner, WASTEWATER_OFFER);
    await applyListingTransition(market.ctx, owner, id, 'submit');
    await applyListingTransition(market.ctx, curator, id, 'reject', { reason: 'Thiếu số bằng sáng chế' });
    const rejected = await getOwnListing(market.ctx, owner, id);
    expect(rejected).toMatchObject({ status: 'rejected', editable: true, curatorRequest: { action: 'reject', reason: 'Thiếu số bằng sáng chế' } });
    await updateListing(market.ctx, owner, id, { ...WASTEWATER_OFFER, summary: `${WASTEWATER_OFFER.summary} Bằng độc quyền số 12345.` });
    expect((await getOwnListing(market.ctx, owner, id)).curatorRequest).toMatchObject({ reason: 'Thiếu số bằng sáng chế' });
    await expect(applyListingTransition(market.ctx, owner, id, 'submit')).resolves.toMatchObject({ status: 'pending_review' });
    expect((await getOwnListing(market.ctx, owner, id)).curatorRequest).toBeNull();
  });

  it('shows the request for changes while it stands', async () => {
    const { id } = await createListing(market.ctx, owner, WASTEWATER_OFFER);
    await applyListingTransition(market.ctx, owner, id, 'submit');
    await applyListingTransition(market.ctx, curator, id, 'request_changes', { reason: 'Nêu rõ công suất' });
    expect((await getOwnListing(market.ctx, owner, id)).curatorRequest).toMatchObject({ action: 'request_changes', reason: 'Nêu rõ công suất' });
  });
});

describe('the preview', () => {
  it('shows a draft as the public will see it, gaps included', async () => {
    const { id } = await createListing(market.ctx, owner, { ...TITLE_ONLY, summary: 'Tóm tắt tạm', anonymous: true });
    const { listing, status } = await previewOwnListing(market.ctx, owner, id);
    expect(status).toBe('draft');
    expect(listing).toMatchObject({ id, title: TITLE_ONLY.title, summary: 'Tóm tắt tạm', trl: null, province: null, owner: { name: null } });
  });
});
