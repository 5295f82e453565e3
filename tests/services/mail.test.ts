// Email after the transaction, in each reader's language: a transition queues one email per
// person in the language they read the market in, and the sender holds no row lock while the
// mail server answers.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { deliverQueuedEmails, queueEmail } from '../../app/services/mail.server.js';
import { createListing } from '../../app/services/my-listings.server.js';
import { AI_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;
let owner: Actor;
let curator: Actor;
const actorOf = (userId: string, organisationId: string, organisationType: Actor['organisationType']): Actor => ({
  userId, name: userId, email: `${userId}@x.vn`, organisationId, organisationType, role: 'admin', platformAdmin: false,
});

beforeAll(async () => {
  market = await createTestMarket();
  const uni = await createOrganisation(market.db, { slug: 'dh-m', name: 'Đại học M', type: 'university', taxCode: '0100000031' });
  const agency = await createOrganisation(market.db, { slug: 'so-m', name: 'Sở M', type: 'agency', taxCode: '0100000032' });
  const ownerId = await createUser(market.db, { email: 'vi@m.vn', organisationId: uni, passwordHash: 'x' });
  const english = await createUser(market.db, { email: 'en@m.vn', organisationId: uni, passwordHash: 'x' });
  await market.db.updateTable('users').set({ language: 'en' }).where('id', '=', english).execute();
  const curatorId = await createUser(market.db, { email: 'cur@m.vn', organisationId: agency, passwordHash: 'x' });
  owner = actorOf(ownerId, uni, 'university');
  curator = actorOf(curatorId, agency, 'agency');
});

afterAll(() => market?.close());

describe('email of a transition', () => {
  it('goes to each member of the owner in the language they read', async () => {
    const { id } = await createListing(market.ctx, owner, { ...AI_OFFER, title: 'Đọc hóa đơn tự động' });
    await applyListingTransition(market.ctx, owner, id, 'submit');
    await applyListingTransition(market.ctx, curator, id, 'request_changes', { reason: 'Thiếu số liệu' });
    const mail = await market.db.selectFrom('emails').select(['to', 'subject', 'text']).where('subject', 'like', '%Đọc hóa đơn tự động%').execute();
    const to = (who: string) => mail.find((m) => m.to === who)!;
    expect(to('vi@m.vn').subject).toContain('cần chỉnh sửa');
    expect(to('en@m.vn').subject).toContain('needs changes');
    expect(to('en@m.vn').text).not.toContain('cần chỉnh sửa');
    // Curators are told in the app: the review queue is their inbox.
    expect(mail.some((m) => m.to === 'cur@m.vn')).toBe(false);
  });
});

describe('sending', () => {
  it('holds no row lock while the mail server answers, and a failure is counted for a retry', async () => {
    await queueEmail(market.db, { to: 'a@m.vn', subject: 'một', text: '1' });
    await queueEmail(market.db, { to: 'b@m.vn', subject: 'hai', text: '2' });
    let lockedDuringSend: boolean | null = null;
    const sent = await deliverQueuedEmails(market.ctx, async (email) => {
      if (email.to === 'a@m.vn') {
        // Another connection may lock the row being sent: nothing holds it.
        const row = await sql<{ id: string }>`select id from emails where "to" = 'a@m.vn' for update nowait`.execute(market.db).then(() => false, () => true);
        lockedDuringSend = row;
        return;
      }
      if (email.to === 'b@m.vn') throw new Error('421 try again later');
    });
    expect(lockedDuringSend).toBe(false);
    expect(sent).toBeGreaterThanOrEqual(1);
    const rows = await market.db.selectFrom('emails').select(['to', 'sent_at', 'attempts', 'claimed_until']).where('to', 'in', ['a@m.vn', 'b@m.vn']).orderBy('to').execute();
    expect(rows[0]).toMatchObject({ to: 'a@m.vn', attempts: 0, claimed_until: null });
    expect(rows[0]!.sent_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ to: 'b@m.vn', sent_at: null, attempts: 1, claimed_until: null });
  });
});
