import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import type { AppContext } from '../../app/context.server.js';
import { isValidTaxCode } from '../../app/domain/tax-code.js';
import {
  RESET_LIMITS,
  SIGN_IN_LIMITS,
  actorFromSession,
  confirmSignUp,
  handleAccountRequests,
  passwordResetIsValid,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOutEverywhere,
  signUp,
  purgeExpiredAccess,
} from '../../app/services/accounts.server.js';
import { decideVerification, listOrganisationsForCuration, organisationForVerification } from '../../app/services/verification.server.js';
import { InvalidInputError, LinkExpiredError, NotFoundError, RateLimitError } from '../../app/services/errors.js';
import { acceptInvitation, findInvitation, inviteMember, revokeInvitation, setMemberRole, updateOrganisationProfile } from '../../app/services/members.server.js';
import { ConflictError, PermissionError } from '../../app/services/errors.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
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
  legalRepresentative: 'Phạm Thị Lan',
  registrationDocument: 'QĐ 123/QĐ-UBND',
};

function fieldsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(InvalidInputError);
  return Object.keys((error as InvalidInputError).fieldErrors).sort();
}

async function emailsTo(to: string) {
  return market.db.selectFrom('emails').select(['subject', 'text']).where('to', '=', to).orderBy('created_at').execute();
}

/** The token of the latest link of this kind emailed to this address. */
async function linkIn(to: string, path: 'signup/confirm' | 'reset-password' | 'invitations'): Promise<string> {
  const mails = (await emailsTo(to)).filter((m) => m.text.includes(`/${path}/`));
  return new RegExp(`${path}/([\\w-]+)`).exec(mails.at(-1)!.text)![1]!;
}

/** Settles every promise and counts how each ended. */
async function outcomes(runs: Promise<unknown>[]) {
  const results = await Promise.allSettled(runs);
  const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : null));
  return {
    accepted: results.filter((r) => r.status === 'fulfilled').length,
    wrong: reasons.filter((e) => e instanceof InvalidInputError).length,
    limited: reasons.filter((e) => e instanceof RateLimitError).length,
  };
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
    const error = await signUp(market.ctx, { ...founder, email: 'not-an-email', password: 'short', taxCode: '0312345603', province: 'paris', organisationType: 'agency', name: '', legalRepresentative: '' }, { ip: '10.0.0.1' }).catch((e) => e);
    expect(fieldsOf(error)).toEqual(['email', 'legalRepresentative', 'name', 'organisationType', 'password', 'province', 'taxCode']);
    expect(await market.db.selectFrom('organisations').select('id').execute()).toHaveLength(0);
    expect(await market.db.selectFrom('sign_ups').select('id').execute()).toHaveLength(0);
  });

  it('creates nothing until the emailed link is confirmed, then the organisation with its founder as admin', async () => {
    await signUp(market.ctx, founder, { ip: '10.0.0.1' });
    expect(await market.db.selectFrom('organisations').select('id').execute()).toHaveLength(0);
    expect(await market.db.selectFrom('users').select('id').execute()).toHaveLength(0);
    const link = await linkIn('an@vien-thu.vn', 'signup/confirm');
    const { token } = await confirmSignUp(market.ctx, link);
    const actor = await actorFromSession(market.ctx, token);
    expect(actor).toMatchObject({ email: 'an@vien-thu.vn', role: 'admin', organisationType: 'institute', platformAdmin: false });
    await expect(confirmSignUp(market.ctx, link)).rejects.toBeInstanceOf(LinkExpiredError);
  });

  it('answers the same for an email that already has an account, and emails its owner instead', async () => {
    const before = (await emailsTo('an@vien-thu.vn')).length;
    await expect(signUp(market.ctx, { ...founder, taxCode: '0108887771' }, { ip: '10.0.0.2' })).resolves.toBeUndefined();
    const mails = (await emailsTo('an@vien-thu.vn')).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('you already have an account');
    expect(mails[0]!.text).not.toContain('/signup/confirm/');
    expect(await market.db.selectFrom('organisations').select('id').where('tax_code', '=', '0108887771').execute()).toEqual([]);
  });

  it('refuses a tax code that is already taken, naming no one', async () => {
    const again = await signUp(market.ctx, { ...founder, email: 'other@vien-thu.vn' }, { ip: '10.0.0.3' }).catch((e) => e);
    expect(fieldsOf(again)).toEqual(['taxCode']);
    expect((again as InvalidInputError).fieldErrors.taxCode).toEqual([{ code: 'tax_code_taken' }]);
  });

  it('lets only the first of two confirmed sign-ups take a tax code', async () => {
    await signUp(market.ctx, { ...founder, email: 'mot@cong-ty.vn', taxCode: '0200000060' }, { ip: '10.0.0.4' });
    await signUp(market.ctx, { ...founder, email: 'hai@cong-ty.vn', taxCode: '0200000060' }, { ip: '10.0.0.4' });
    const first = await linkIn('mot@cong-ty.vn', 'signup/confirm');
    const second = await linkIn('hai@cong-ty.vn', 'signup/confirm');
    const results = await outcomes([confirmSignUp(market.ctx, first), confirmSignUp(market.ctx, second)]);
    expect(results.accepted).toBe(1);
    expect(await market.db.selectFrom('organisations').select('id').where('tax_code', '=', '0200000060').execute()).toHaveLength(1);
  });
});

describe('verifying an organisation', () => {
  it('shows the curator the sign-up evidence beside the tax code, and verifies nothing without a request with evidence', async () => {
    const agency = await createOrganisation(market.db, { slug: 'so-khcn', name: 'Sở KH&CN', type: 'agency', taxCode: '0100000017' });
    const curatorId = await createUser(market.db, { email: 'curator@so-khcn.vn', organisationId: agency, passwordHash: 'x' });
    const curator = { userId: curatorId, name: 'Curator', email: 'curator@so-khcn.vn', organisationId: agency, organisationType: 'agency' as const, role: 'member' as const, platformAdmin: false };
    const listed = (await listOrganisationsForCuration(market.ctx, curator)).find((o) => o.taxCode === founder.taxCode)!;
    const shown = await organisationForVerification(market.ctx, curator, listed.id);
    expect(shown).toMatchObject({ legalRepresentative: 'Phạm Thị Lan', registrationDocument: 'QĐ 123/QĐ-UBND', verifiedAt: null, pending: null });
    expect(fieldsOf(await decideVerification(market.ctx, curator, listed.id, { decision: 'verify' }).catch((e) => e))).toEqual(['checks']);
    const refused = await decideVerification(market.ctx, curator, listed.id, { decision: 'verify', checks: ['tax_code_active'] }).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).problem.code).toBe('no_verification_request');
    const org = await market.db.selectFrom('organisations').select(['verified_at']).where('id', '=', listed.id).executeTakeFirstOrThrow();
    expect(org.verified_at).toBeNull();
  });
});

describe('signing in', () => {
  it('is refused with one message for a wrong password or an unknown email', async () => {
    for (const attempt of [{ email: 'an@vien-thu.vn', password: 'wrong-password' }, { email: 'nobody@x.vn', password: 'whatever-1234' }]) {
      const error = await signIn(market.ctx, attempt, { ip: '10.0.0.1' }).catch((e) => e);
      expect((error as InvalidInputError).fieldErrors).toEqual({ form: [{ code: 'wrong_credentials' }] });
    }
  });

  it('evaluates no more guesses than the limit when 60 arrive at once from one address', async () => {
    const guesses = Array.from({ length: 60 }, (_, i) => signIn(market.ctx, { email: 'an@vien-thu.vn', password: `guess-${i}-xxxx` }, { ip: '10.66.0.1' }));
    expect(await outcomes(guesses)).toEqual({ accepted: 0, wrong: SIGN_IN_LIMITS.perAccountAndAddress, limited: 60 - SIGN_IN_LIMITS.perAccountAndAddress });
    const evaluated = await market.db.selectFrom('sign_in_attempts').select('id').where('ip', '=', '10.66.0.1').execute();
    expect(evaluated).toHaveLength(SIGN_IN_LIMITS.perAccountAndAddress);
    // Even the right password is refused from the guessing address…
    await expect(signIn(market.ctx, founder, { ip: '10.66.0.1' })).rejects.toBeInstanceOf(RateLimitError);
  });

  it('does not lock the owner out: the owner signs in from another address', async () => {
    await expect(signIn(market.ctx, founder, { ip: '10.77.0.1' })).resolves.toHaveProperty('token');
  });

  it('is rate limited per address across accounts, also for 60 parallel guesses', async () => {
    const spray = Array.from({ length: 60 }, (_, i) => signIn(market.ctx, { email: `spray${i}@x.vn`, password: 'password-123' }, { ip: '10.2.2.2' }));
    expect(await outcomes(spray)).toEqual({ accepted: 0, wrong: SIGN_IN_LIMITS.perAddress, limited: 60 - SIGN_IN_LIMITS.perAddress });
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
  it('does no lookup while answering: the request is recorded and a job writes the email', async () => {
    let asked = 0;
    const answering: AppContext = { ...market.ctx, jobs: { enqueue: async (name) => void (name === 'account-mail' && (asked += 1)) } };
    const before = (await emailsTo('an@vien-thu.vn')).length;
    await requestPasswordReset(answering, { email: 'an@vien-thu.vn' }, { ip: '10.5.0.9' });
    await requestPasswordReset(answering, { email: 'nobody@nowhere.vn' }, { ip: '10.5.0.9' });
    expect(asked).toBe(2);
    expect(await emailsTo('an@vien-thu.vn')).toHaveLength(before);
    expect(await market.db.selectFrom('password_resets').select('token_hash').execute()).toEqual([]);
    const pending = await market.db.selectFrom('password_reset_requests').select(['email', 'user_id', 'handled_at']).orderBy('at').execute();
    expect(pending).toEqual([
      { email: 'an@vien-thu.vn', user_id: null, handled_at: null },
      { email: 'nobody@nowhere.vn', user_id: null, handled_at: null },
    ]);
    expect(await handleAccountRequests(market.ctx)).toEqual({ signUps: 0, resets: 2 });
    expect(await emailsTo('an@vien-thu.vn')).toHaveLength(before + 1);
    expect(await emailsTo('nobody@nowhere.vn')).toEqual([]);
    expect(await handleAccountRequests(market.ctx)).toEqual({ signUps: 0, resets: 0 });
  });

  it('emails a one-time link that sets a new password, ends old sessions and lifts the sign-in lock', async () => {
    const before = await signIn(market.ctx, founder, { ip: '10.5.0.1' });
    // Five wrong guesses lock the account at one address.
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i += 1) await signIn(market.ctx, { ...founder, password: `sai-${i}-mat-khau` }, { ip: '10.99.0.1' }).catch(() => null);
    await expect(signIn(market.ctx, founder, { ip: '10.99.0.1' })).rejects.toBeInstanceOf(RateLimitError);
    await requestPasswordReset(market.ctx, { email: 'an@vien-thu.vn' }, { ip: '10.5.0.1' });
    const token = await linkIn('an@vien-thu.vn', 'reset-password');

    await expect(resetPassword(market.ctx, token, { password: 'short' })).rejects.toBeInstanceOf(InvalidInputError);
    await resetPassword(market.ctx, token, { password: 'mat-khau-moi-hoan-toan' });
    expect(await actorFromSession(market.ctx, before.token)).toBeNull();
    await expect(resetPassword(market.ctx, token, { password: 'lan-thu-hai-nua' })).rejects.toBeInstanceOf(LinkExpiredError);
    await expect(signIn(market.ctx, { ...founder, password: 'mat-khau-moi-hoan-toan' }, { ip: '10.5.0.2' })).resolves.toHaveProperty('token');
    // Having proved the mailbox is theirs, the owner signs in again from the address that was locked.
    await expect(signIn(market.ctx, { ...founder, password: 'mat-khau-moi-hoan-toan' }, { ip: '10.99.0.1' })).resolves.toHaveProperty('token');
  });

  it('is throttled per account: 60 requests send a few emails, and only the latest link works', async () => {
    const org = await createOrganisation(market.db, { slug: 'cong-ty-reset', name: 'Công ty Reset', type: 'enterprise', taxCode: '0100000057' });
    await createUser(market.db, { email: 'reset@cong-ty.vn', organisationId: org, passwordHash: await hashPassword('mat-khau-ban-dau') });
    await outcomes(Array.from({ length: 60 }, (_, i) => requestPasswordReset(market.ctx, { email: 'reset@cong-ty.vn' }, { ip: `10.8.${Math.floor(i / 8)}.${i}` })));
    const mails = (await emailsTo('reset@cong-ty.vn')).filter((m) => m.text.includes('/reset-password/'));
    expect(mails).toHaveLength(RESET_LIMITS.perAccount);
    const tokens = mails.map((m) => /reset-password\/([\w-]+)/.exec(m.text)![1]!);
    const valid = await Promise.all(tokens.map((t) => passwordResetIsValid(market.ctx, t)));
    expect(valid).toEqual([...Array(RESET_LIMITS.perAccount - 1).fill(false), true]);
  });

  it('is throttled per address', async () => {
    const runs = Array.from({ length: 20 }, (_, i) => requestPasswordReset(market.ctx, { email: `someone${i}@x.vn` }, { ip: '10.9.9.9' }));
    expect(await outcomes(runs)).toMatchObject({ accepted: RESET_LIMITS.perAddress, limited: 20 - RESET_LIMITS.perAddress });
    await expect(requestPasswordReset(market.ctx, { email: 'reset@cong-ty.vn' }, { ip: '10.9.9.10' })).resolves.toBeUndefined();
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
    await expect(acceptInvitation(market.ctx, token, { name: 'Again', password: 'mat-khau-cua-binh' })).rejects.toBeInstanceOf(LinkExpiredError);

    await inviteMember(market.ctx, admin, { email: 'chi@vien-thu.vn', role: 'member' });
    const withdrawn = /invitations\/([\w-]+)/.exec((await market.db.selectFrom('emails').select('text').where('to', '=', 'chi@vien-thu.vn').executeTakeFirstOrThrow()).text)![1]!;
    const pending = await market.db.selectFrom('invitations').select('id').where('email', '=', 'chi@vien-thu.vn').executeTakeFirstOrThrow();
    await expect(revokeInvitation(market.ctx, admin, 'not-an-id')).rejects.toBeInstanceOf(NotFoundError);
    await revokeInvitation(market.ctx, admin, pending.id);
    await expect(acceptInvitation(market.ctx, withdrawn, { name: 'Chi', password: 'mat-khau-cua-chi' })).rejects.toBeInstanceOf(LinkExpiredError);

    await expect(inviteMember(market.ctx, member, { email: 'x@y.vn', role: 'admin' })).rejects.toBeInstanceOf(PermissionError);

    // Inviting an email that has an account answers like any other; only the link's holder learns why it cannot be used.
    await expect(inviteMember(market.ctx, admin, { email: 'reset@cong-ty.vn', role: 'member' })).resolves.toBeUndefined();
    const taken = await linkIn('reset@cong-ty.vn', 'invitations');
    expect(await findInvitation(market.ctx, taken)).toMatchObject({ email: 'reset@cong-ty.vn', email_has_account: true });
    await expect(acceptInvitation(market.ctx, taken, { name: 'Reset', password: 'mat-khau-moi-nua' })).rejects.toBeInstanceOf(ConflictError);
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
