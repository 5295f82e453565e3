// An organisation's people: its admin invites members by email and sets their roles.
import { inviteSchema, invitedSignUpSchema, memberRole, organisationProfileSchema } from '../domain/account-input.js';
import { enqueueListingChanged } from '../../db/outbox.js';
import { decideMemberRemoval, holdsSigningAuthority, mayAdministerOrganisation } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { hashPassword } from '../auth/password.server.js';
import { hashToken, newToken } from '../auth/tokens.server.js';
import type { AppContext } from '../context.server.js';
import { askFor } from './jobs.server.js';
import { ConflictError, LinkExpiredError, NotFoundError, PermissionError, parsed } from './errors.js';
import { queueEmail } from './mail.server.js';
import { SESSION_DAYS } from './accounts.server.js';
import { isUuid } from './listings.server.js';

const INVITATION_DAYS = 7;


function requireAdmin(actor: Actor) {
  if (!mayAdministerOrganisation(actor, actor.organisationId)) throw new PermissionError('forbidden_org_admin');
}

export async function listMembers(ctx: AppContext, actor: Actor) {
  const members = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'may_sign', 'created_at'])
    .where('organisation_id', '=', actor.organisationId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const invitations = mayAdministerOrganisation(actor, actor.organisationId)
    ? await ctx.db
        .selectFrom('invitations')
        .select(['id', 'email', 'role', 'expires_at', 'created_at'])
        .where('organisation_id', '=', actor.organisationId)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', ctx.clock())
        .orderBy('created_at', 'desc')
        .execute()
    : [];
  const org = await ctx.db.selectFrom('organisations').selectAll().where('id', '=', actor.organisationId).executeTakeFirstOrThrow();
  // Who signs contracts: an admin by its role, a member by the authority an admin gave it.
  const signing = (m: (typeof members)[number]): 'admin' | 'granted' | 'none' =>
    !holdsSigningAuthority({ role: m.role, maySign: m.may_sign }) ? 'none' : holdsSigningAuthority({ role: m.role }) ? 'admin' : 'granted';
  return { organisation: org, members: members.map((m) => ({ ...m, signing: signing(m) })), invitations };
}

export async function inviteMember(ctx: AppContext, actor: Actor, input: unknown): Promise<void> {
  requireAdmin(actor);
  const v = parsed(inviteSchema, input);
  // Whether the email already has an account is not the inviter's to learn: the invitation is
  // sent either way, and its page tells the email's owner (acceptInvitation refuses it then).
  const { token, hash } = newToken();
  await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organisations').select('name').where('id', '=', actor.organisationId).executeTakeFirstOrThrow();
    await trx
      .insertInto('invitations')
      .values({ token_hash: hash, organisation_id: actor.organisationId, email: v.email, role: v.role, invited_by: actor.userId, expires_at: new Date(ctx.clock().getTime() + INVITATION_DAYS * 86_400_000) })
      .execute();
    const link = `${ctx.publicUrl}/invitations/${token}`;
    await queueEmail(trx, {
      to: v.email,
      subject: `OpenTEX: lời mời tham gia ${org.name} / invitation to join ${org.name}`,
      text:
        `${actor.name} mời bạn tham gia ${org.name} trên OpenTEX. Mở liên kết trong ${INVITATION_DAYS} ngày:\n${link}\n\n` +
        `${actor.name} invites you to join ${org.name} on OpenTEX. Open this link within ${INVITATION_DAYS} days:\n${link}`,
    });
  });
  await askFor(ctx, [['mail-delivery', {}]]);
}

/** The invitation behind a link; only its holder learns whether the email already has an account. */
export async function findInvitation(ctx: AppContext, token: string) {
  const row = await ctx.db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select((eb) => [
      'i.id',
      'i.email',
      'i.role',
      'o.name as organisation_name',
      eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.email', '=', 'i.email')).as('email_has_account'),
    ])
    .where('i.token_hash', '=', hashToken(token))
    .where('i.accepted_at', 'is', null)
    .where('i.expires_at', '>', ctx.clock())
    .executeTakeFirst();
  if (!row) throw new LinkExpiredError('invitation');
  return row;
}

/** Creates the invited person's account in the inviting organisation and signs them in. */
export async function acceptInvitation(ctx: AppContext, token: string, input: unknown, meta: { userAgent?: string | null } = {}) {
  const v = parsed(invitedSignUpSchema, input);
  const passwordHash = await hashPassword(v.password);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .updateTable('invitations')
      .set({ accepted_at: ctx.clock() })
      .where('token_hash', '=', hashToken(token))
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', ctx.clock())
      .returning(['organisation_id', 'email', 'role'])
      .executeTakeFirst();
    if (!invitation) throw new LinkExpiredError('invitation');
    if (await trx.selectFrom('users').select('id').where('email', '=', invitation.email).executeTakeFirst()) {
      throw new ConflictError('email_taken');
    }
    const user = await trx
      .insertInto('users')
      .values({ email: invitation.email, name: v.name, password_hash: passwordHash, organisation_id: invitation.organisation_id, role: invitation.role })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = newToken();
    await trx
      .insertInto('sessions')
      .values({ id: session.hash, user_id: user.id, expires_at: new Date(ctx.clock().getTime() + SESSION_DAYS * 86_400_000), user_agent: meta.userAgent?.slice(0, 300) ?? null })
      .execute();
    return { token: session.token, userId: user.id };
  });
}

export async function setMemberRole(ctx: AppContext, actor: Actor, userId: string, role: unknown): Promise<void> {
  requireAdmin(actor);
  const newRole = parsed(memberRole, role);
  await ctx.db.transaction().execute(async (trx) => {
    const members = await trx.selectFrom('users').select(['id', 'role']).where('organisation_id', '=', actor.organisationId).where('removed_at', 'is', null).forUpdate().execute();
    const member = members.find((m) => m.id === userId);
    if (!member) throw new NotFoundError('user', userId);
    if (member.role === 'admin' && newRole === 'member' && members.filter((m) => m.role === 'admin').length === 1) {
      throw new ConflictError('last_admin', undefined, 'wrong_state');
    }
    await trx.updateTable('users').set({ role: newRole }).where('id', '=', userId).execute();
    await trx.insertInto('audit_events').values({ entity_type: 'user', entity_id: userId, action: 'set_role', actor_id: actor.userId, to_state: newRole, at: ctx.clock() }).execute();
  });
}

/** An admin gives a member authority to sign contracts for the organisation, or takes it back (admins always have it). */
export async function setSigningAuthority(ctx: AppContext, actor: Actor, userId: string, maySign: boolean): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('users').select('id').where('id', '=', userId).where('organisation_id', '=', actor.organisationId).where('removed_at', 'is', null).forUpdate().executeTakeFirst();
    if (!member) throw new NotFoundError('user', userId);
    await trx.updateTable('users').set({ may_sign: maySign }).where('id', '=', userId).execute();
    await trx.insertInto('audit_events').values({ entity_type: 'user', entity_id: userId, action: maySign ? 'grant_signing' : 'revoke_signing', actor_id: actor.userId, at: ctx.clock() }).execute();
  });
}

/** An admin keeps the organisation's public profile current; its listings are re-indexed. */
export async function updateOrganisationProfile(ctx: AppContext, actor: Actor, input: unknown): Promise<void> {
  requireAdmin(actor);
  const v = parsed(organisationProfileSchema, input);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisations')
      .set({ name: v.organisationName, province_code: v.province, website: v.website, description: v.description })
      .where('id', '=', actor.organisationId)
      .execute();
    await trx.insertInto('audit_events').values({ entity_type: 'organisation', entity_id: actor.organisationId, action: 'edit', actor_id: actor.userId, at: ctx.clock() }).execute();
    const listings = await trx.selectFrom('listings').select('id').where('organisation_id', '=', actor.organisationId).where('status', '=', 'published').execute();
    await enqueueListingChanged(trx, listings.map((l) => l.id));
  });
  await askFor(ctx, [['search-relay', {}]]);
}

/** An admin withdraws an invitation that was not accepted yet; its link stops working. */
export async function revokeInvitation(ctx: AppContext, actor: Actor, invitationId: string): Promise<void> {
  requireAdmin(actor);
  if (!isUuid(invitationId)) throw new NotFoundError('invitation', invitationId);
  const result = await ctx.db.deleteFrom('invitations').where('id', '=', invitationId).where('organisation_id', '=', actor.organisationId).where('accepted_at', 'is', null).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError('invitation', invitationId);
}

/**
 * An admin removes a member: their sessions end and they no longer act for the organisation. The
 * account row stays, marked removed, so every past act (audit events, deal messages, signatures,
 * listings) keeps the name of the person who did it.
 */
export async function removeMember(ctx: AppContext, actor: Actor, userId: string): Promise<void> {
  if (!isUuid(userId)) throw new NotFoundError('user', userId);
  await ctx.db.transaction().execute(async (trx) => {
    // Every active member of the organisation, locked: two admins removing each other cannot both win.
    const members = await trx.selectFrom('users').select(['id', 'role']).where('organisation_id', '=', actor.organisationId).where('removed_at', 'is', null).orderBy('id').forUpdate().execute();
    const member = members.find((m) => m.id === userId);
    const decision = decideMemberRemoval(actor, { userId, organisationId: member ? actor.organisationId : '', role: member?.role ?? 'member' }, members.filter((m) => m.role === 'admin').length);
    if (decision === 'hidden' || !member) throw new NotFoundError('user', userId);
    if (decision === 'forbidden') throw new PermissionError('forbidden_org_admin');
    if (decision === 'last_admin') throw new ConflictError('last_admin', undefined, 'wrong_state');
    const now = ctx.clock();
    await trx.updateTable('users').set({ removed_at: now, removed_by: actor.userId, may_sign: false }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await trx.deleteFrom('password_resets').where('user_id', '=', userId).where('used_at', 'is', null).execute();
    await trx.insertInto('audit_events').values({ entity_type: 'user', entity_id: userId, action: 'remove_member', actor_id: actor.userId, at: now }).execute();
  });
}
