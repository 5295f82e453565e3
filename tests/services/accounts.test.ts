import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidTaxCode } from '../../app/domain/tax-code.js';
import {
  SIGN_IN_LIMITS,
  actorFromSession,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOutEverywhere,
  signUp,
  purgeExpiredAccess,
} from '../../app/services/accounts.server.js';
import { InvalidInputError, NotFoundError, RateLimitError } from '../../app/services/errors.js';
import { acceptInvitation, inviteMember, revokeInvitation, setMemberRole, updateOrganisationProfile } from '../../app/services/members.server.js';
import { ConflictError, PermissionError } from '../../app/services/errors.js';
import { createTestMarket, type TestMarket } from '../support/market.js';

let market: TestMarket;

const founder = {
  name: 'Nguyễn Văn An',
  email: 'An@Vien-Thu.vn ',
  password: 'mot-mat-khau-dai',
  organisationName: 'Viện Công nghệ Thử',
  organisationType: 'institute',
  taxCode: '0312345602',
  province: 'ho-chi-minh',
  website: '',
  description: '',
};

function fieldsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(InvalidInputError);
  return Object.keys((error as InvalidInputError).fieldErrors).sort();
}

beforeAll(async () => {
  market = await createTestMarket();
});

afterAll(() => market?.close());

describe('Vietnamese tax codes', () => {
  it('accept 10 digits or 10-3 with a right check digit, nothing else', () => {
    expect(isValidTaxCode('0108887771')).toBe(true);
    expect(isValidTaxCode('0108887771-001')).toBe(true);
    expect(isValidTaxCode('0108887772')).toBe(false);
    expect(isValidTaxCode('010888777')).toBe(false);
    expect(isValidTaxCode('01088877710')).toBe(false);
    expect(isValidTaxCode('0108887771-1')).toBe(false);
  });
});

describe('signing up', () => {
  it('names every field that is wrong and writes nothing', async () => {
    const error = await signUp(market.ctx, { ...founder, email: 'not-an-email', password: 'short', taxCode: '0312345603', province: 'paris', organisationType: 'agency', name: '' }).catch((e) => e);
    expect(fieldsOf(error)).toEqual(['email', 'name', 'organisationType', 'password', 'province', 'taxCode']);
    expect(await market.db.selectFrom('organisations').select('id').execute()).toHaveLength(0);
  });

  it('creates the organisation with its founder as admin, and refuses a second account or a second organisation', async () => {
    const { token } = await signUp(market.ctx, founder);
    const actor = await actorFromSession(market.ctx, token);
    expect(actor).toMatchObject({ email: 'an@vien-thu.vn', role: 'admin', organisationType: 'institute', platformAdmin: false });
    const again = await signUp(market.ctx, { ...founder, email: 'other@vien-thu.vn' }).catch((e) => e);
    expect(fieldsOf(again)).toEqual(['taxCode']);
    const sameEmail = await signUp(market.ctx, { ...founder, taxCode: '0108887771' }).catch((e) => e);
    expect(fieldsOf(sameEmail)).toEqual(['email']);
  });
});

describe('signing in', () => {
  it('is refused with one message for a wrong password or an unknown email', async () => {
    for (const attempt of [{ email: 'an@vien-thu.vn', password: 'wrong-password' }, { email: 'nobody@x.vn', password: 'whatever-1234' }]) {
      const error = await signIn(market.ctx, attempt, { ip: '10.0.0.1' }).catch((e) => e);
      expect((error as InvalidInputError).fieldErrors).toEqual({ form: ['wrong email or password'] });
    }
  });

  it('is rate limited per account after repeated failures, even with the right password', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i += 1) {
      await signIn(market.ctx, { email: 'target@x.vn', password: `guess-${i}-xxxx` }, { ip: `10.1.0.${i}` }).catch(() => {});
    }
    await expect(signIn(market.ctx, { email: 'target@x.vn', password: 'any-password' }, { ip: '10.9.9.9' })).rejects.toBeInstanceOf(RateLimitError);
  });

  it('is rate limited per address across accounts', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i += 1) {
      await signIn(market.ctx, { email: `spray${i}@x.vn`, password: 'password-123' }, { ip: '10.2.2.2' }).catch(() => {});
    }
    await expect(signIn(market.ctx, founder, { ip: '10.2.2.2' })).rejects.toBeInstanceOf(RateLimitError);
    await expect(signIn(market.ctx, founder, { ip: '10.3.3.3' })).resolves.toHaveProperty('token');
  });

  it('forgets expired sessions and day-old attempts in the hourly housekeeping', async () => {
    const later = { ...market.ctx, clock: () => new Date(Date.now() + 31 * 86_400_000) };
    const before = await market.db.selectFrom('sign_in_attempts').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    const purged = await purgeExpiredAccess(later);
    expect(purged.attempts).toBe(before.length);
    expect(await market.db.selectFrom('sessions').select('id').where('expires_at', '<=', later.clock()).execute()).toEqual([]);
  });

  it('ends every session with "sign out everywhere"', async () => {
    const a = await signIn(market.ctx, founder, { ip: '10.4.0.1' });
    const b = await signIn(market.ctx, founder, { ip: '10.4.0.2' });
    const actor = (await actorFromSession(market.ctx, a.token))!;
    expect(await signOutEverywhere(market.ctx, actor)).toBeGreaterThanOrEqual(2);
    expect(await actorFromSession(market.ctx, a.token)).toBeNull();
    expect(await actorFromSession(market.ctx, b.token)).toBeNull();
  });
});

describe('resetting a password', () => {
  it('emails a one-time link that sets a new password and ends old sessions', async () => {
    const before = await signIn(market.ctx, founder, { ip: '10.5.0.1' });
    await requestPasswordReset(market.ctx, { email: 'an@vien-thu.vn' });
    await requestPasswordReset(market.ctx, { email: 'nobody@nowhere.vn' });
    const mails = await market.db.selectFrom('emails').select(['to', 'text']).where('subject', 'like', '%password%').execute();
    expect(mails.map((m) => m.to)).toEqual(['an@vien-thu.vn']);
    const token = /reset-password\/([\w-]+)/.exec(mails[0]!.text)![1]!;

    await expect(resetPassword(market.ctx, token, { password: 'short' })).rejects.toBeInstanceOf(InvalidInputError);
    await resetPassword(market.ctx, token, { password: 'mat-khau-moi-hoan-toan' });
    expect(await actorFromSession(market.ctx, before.token)).toBeNull();
    await expect(resetPassword(market.ctx, token, { password: 'lan-thu-hai-nua' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(signIn(market.ctx, { ...founder, password: 'mat-khau-moi-hoan-toan' }, { ip: '10.5.0.2' })).resolves.toHaveProperty('token');
  });
});

describe('members', () => {
  it('are invited by an admin only, join by the emailed link, and an organisation keeps an admin', async () => {
    const admin = (await actorFromSession(market.ctx, (await signIn(market.ctx, { ...founder, password: 'mat-khau-moi-hoan-toan' }, { ip: '10.6.0.1' })).token))!;
    await inviteMember(market.ctx, admin, { email: 'binh@vien-thu.vn', role: 'member' });
    const mail = await market.db.selectFrom('emails').select('text').where('to', '=', 'binh@vien-thu.vn').executeTakeFirstOrThrow();
    const token = /invitations\/([\w-]+)/.exec(mail.text)![1]!;
    const { token: session } = await acceptInvitation(market.ctx, token, { name: 'Trần Bình', password: 'mat-khau-cua-binh' });
    const member = (await actorFromSession(market.ctx, session))!;
    expect(member).toMatchObject({ organisationId: admin.organisationId, role: 'member' });
    await expect(acceptInvitation(market.ctx, token, { name: 'Again', password: 'mat-khau-cua-binh' })).rejects.toBeInstanceOf(NotFoundError);

    await inviteMember(market.ctx, admin, { email: 'chi@vien-thu.vn', role: 'member' });
    const withdrawn = /invitations\/([\w-]+)/.exec((await market.db.selectFrom('emails').select('text').where('to', '=', 'chi@vien-thu.vn').executeTakeFirstOrThrow()).text)![1]!;
    const pending = await market.db.selectFrom('invitations').select('id').where('email', '=', 'chi@vien-thu.vn').executeTakeFirstOrThrow();
    await expect(revokeInvitation(market.ctx, admin, 'not-an-id')).rejects.toBeInstanceOf(NotFoundError);
    await revokeInvitation(market.ctx, admin, pending.id);
    await expect(acceptInvitation(market.ctx, withdrawn, { name: 'Chi', password: 'mat-khau-cua-chi' })).rejects.toBeInstanceOf(NotFoundError);

    await expect(inviteMember(market.ctx, member, { email: 'x@y.vn', role: 'admin' })).rejects.toBeInstanceOf(PermissionError);
    await expect(setMemberRole(market.ctx, admin, admin.userId, 'member')).rejects.toBeInstanceOf(ConflictError);
    await expect(updateOrganisationProfile(market.ctx, member, { organisationName: 'Đổi tên', province: 'hue' })).rejects.toBeInstanceOf(PermissionError);
    await expect(updateOrganisationProfile(market.ctx, admin, { organisationName: 'X', province: 'hue', website: 'ftp://x' })).rejects.toBeInstanceOf(InvalidInputError);
    await updateOrganisationProfile(market.ctx, admin, { organisationName: 'Viện Công nghệ Thử (cơ sở Huế)', province: 'hue', website: 'https://vien-thu.vn', description: 'Mô tả mới' });
    const org = await market.db.selectFrom('organisations').select(['name', 'province_code', 'tax_code', 'type']).where('id', '=', admin.organisationId).executeTakeFirstOrThrow();
    expect(org).toEqual({ name: 'Viện Công nghệ Thử (cơ sở Huế)', province_code: 'hue', tax_code: '0312345602', type: 'institute' });

    await setMemberRole(market.ctx, admin, member.userId, 'admin');
    expect((await actorFromSession(market.ctx, session))!.role).toBe('admin');
  });
});
