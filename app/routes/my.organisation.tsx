import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireActor } from '../auth/session.server.js';
import { mayAdministerOrganisation } from '../domain/access.js';
import { inviteSchema, memberRoleSchema, organisationProfileSchema } from '../domain/account-input.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { provinceName } from '../domain/provinces.js';
import { formatDate, formatDateTime } from '../i18n/index.js';
import { inviteMember, listMembers, removeMember, revokeInvitation, setMemberRole, setSigningAuthority, updateOrganisationProfile } from '../services/members.server.js';
import { ownVerification } from '../services/verification.server.js';
import { PROVINCES } from '../domain/provinces.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { VerifiedBadge } from '../ui/owner.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('nav.organisation') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const { organisation, members, invitations } = await listMembers(ctx, actor);
  const verification = await ownVerification(ctx, actor);
  return {
    verification,
    verificationSent: new URL(request.url).searchParams.get('verification') === 'sent',
    canAdminister: mayAdministerOrganisation(actor, organisation.id),
    me: actor.userId,
    organisation: { name: organisation.name, type: organisation.type, taxCode: organisation.tax_code, province: organisation.province_code, verified: organisation.verified_at !== null, slug: organisation.slug, website: organisation.website ?? '', description: organisation.description },
    members: members.map((m) => ({ ...m, created_at: m.created_at.toISOString() })),
    invitations: invitations.map((i) => ({ ...i, expires_at: i.expires_at.toISOString(), created_at: i.created_at.toISOString() })),
  };
}

/** The page's forms; any other intent is a 400, never one of these by default. */
const organisationForms = z.discriminatedUnion('intent', [
  memberRoleSchema.extend({ intent: z.literal('set_role') }),
  z.object({ intent: z.literal('set_signing'), userId: z.string(), maySign: z.enum(['on', 'off']) }),
  organisationProfileSchema.extend({ intent: z.literal('profile') }),
  z.object({ intent: z.literal('revoke'), invitationId: z.string() }),
  z.object({ intent: z.literal('remove'), userId: z.string() }),
  inviteSchema.extend({ intent: z.literal('invite') }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(organisationForms, await readForm(request), async (form) => {
    if (form.intent === 'set_role') await setMemberRole(ctx, actor, form.userId, form.role);
    else if (form.intent === 'set_signing') await setSigningAuthority(ctx, actor, form.userId, form.maySign === 'on');
    else if (form.intent === 'profile') await updateOrganisationProfile(ctx, actor, form);
    else if (form.intent === 'revoke') await revokeInvitation(ctx, actor, form.invitationId);
    else if (form.intent === 'remove') await removeMember(ctx, actor, form.userId);
    else await inviteMember(ctx, actor, form);
    return { ok: true as const, done: form.intent };
  });
}

export default function MyOrganisation() {
  const t = useT();
  const lang = useLang();
  const { canAdminister, me, organisation, members, invitations, verification, verificationSent } = useLoaderData<typeof loader>();
  const latest = verification.latest;
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <section>
      <h1>{organisation.name} {organisation.verified ? <VerifiedBadge /> : null}</h1>
      <p>
        {t(`org.type.${organisation.type}`)} · {t('auth.taxCode')} {organisation.taxCode} · {provinceName(organisation.province, lang)}
      </p>
      {!organisation.verified ? <p className="notice">{t('org.notVerified')}</p> : null}
      {canAdminister && (latest || verification.mayRequest) ? (
        <section aria-labelledby="verification-heading">
          <h2 id="verification-heading">{t('verification.title')}</h2>
          {verificationSent ? <p className="notice" role="status">{t('verification.sent')}</p> : null}
          {latest ? (
            <p>
              {latest.state === 'verified' && latest.decidedAt
                ? t('verification.state.verified', { at: formatDateTime(latest.decidedAt, lang) })
                : t(`verification.state.${latest.state}`, { at: formatDateTime(latest.submittedAt, lang) })}
            </p>
          ) : null}
          {latest?.state === 'refused' && latest.reason ? (
            <p className="notice">{t('verification.reason')}: {latest.reason}</p>
          ) : null}
          {verification.mayRequest ? (
            <p>
              {t('verification.lead')} <Link to="/my/organisation/verification">{t('verification.request')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {canAdminister ? (
        <p>
          <Link to="/my/organisation/payments">{t('payments.link')}</Link>
        </p>
      ) : null}
      {result && !result.ok ? <FormMessage message={result.message} /> : null}
      {result?.ok ? <p className="notice" role="status">{result.done === 'set_signing' ? t('org.signingSaved') : result.done === 'set_role' ? t('org.roleSaved') : result.done === 'profile' ? t('org.profileSaved') : result.done === 'revoke' ? t('org.revoked') : result.done === 'remove' ? t('org.removed') : t('org.invited')}</p> : null}
      <h2>{t('org.members')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('auth.name')}</th>
            <th scope="col">{t('auth.email')}</th>
            <th scope="col">{t('org.role')}</th>
            <th scope="col">{t('org.signing')}</th>
            {canAdminister ? <th scope="col">{t('org.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>
                {canAdminister && m.id !== me ? (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="set_role" />
                    <input type="hidden" name="userId" value={m.id} />
                    <label className="visually-hidden" htmlFor={`role-${m.id}`}>{t('org.role')}</label>
                    <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                      <option value="member">{t('org.role.member')}</option>
                      <option value="admin">{t('org.role.admin')}</option>
                    </select>
                    <button type="submit">{t('common.save')}</button>
                  </Form>
                ) : (
                  t(`org.role.${m.role}`)
                )}
              </td>
              <td>
                {m.signing === 'admin' ? (
                  t('org.signing.admin')
                ) : canAdminister ? (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="set_signing" />
                    <input type="hidden" name="userId" value={m.id} />
                    <input type="hidden" name="maySign" value={m.signing === 'granted' ? 'off' : 'on'} />
                    {m.signing === 'granted' ? t('org.signing.yes') : t('org.signing.no')}{' '}
                    <button type="submit" className="secondary">{m.signing === 'granted' ? t('org.signing.revoke') : t('org.signing.grant')}</button>
                  </Form>
                ) : m.signing === 'granted' ? (
                  t('org.signing.yes')
                ) : (
                  t('org.signing.no')
                )}
              </td>
              {canAdminister ? (
                <td>
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={m.id} />
                    <button type="submit" className="danger" aria-label={t('org.removeLabel', { name: m.name })}>{t('org.remove')}</button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canAdminister ? (
        <>
          <h2>{t('org.profile')}</h2>
          <Form method="post" className="stack narrow">
            <input type="hidden" name="intent" value="profile" />
            <Field name="organisationName" label={t('auth.organisationName')} errors={errors.organisationName}>
              <input {...inputProps('organisationName', errors.organisationName)} {...fieldAttrs(organisationProfileSchema, 'organisationName')} defaultValue={organisation.name} />
            </Field>
            <Field name="province" label={t('filters.province')} errors={errors.province}>
              <select {...inputProps('province', errors.province)} {...fieldAttrs(organisationProfileSchema, 'province')} defaultValue={organisation.province}>
                {PROVINCES.map((p) => (
                  <option key={p.code} value={p.code}>{p[lang]}</option>
                ))}
              </select>
            </Field>
            <Field name="website" label={t('org.website')} errors={errors.website}>
              <input {...inputProps('website', errors.website)} {...fieldAttrs(organisationProfileSchema, 'website')} type="url" defaultValue={organisation.website} />
            </Field>
            <Field name="description" label={t('auth.organisationDescription')} errors={errors.description}>
              <textarea {...inputProps('description', errors.description)} {...fieldAttrs(organisationProfileSchema, 'description')} rows={3} defaultValue={organisation.description} />
            </Field>
            <button type="submit">{t('common.save')}</button>
          </Form>
          <h2>{t('org.invite')}</h2>
          <Form method="post" className="stack narrow">
            <input type="hidden" name="intent" value="invite" />
            <Field name="email" label={t('auth.email')} errors={errors.email}>
              <input {...inputProps('email', errors.email)} {...fieldAttrs(inviteSchema, 'email')} type="email" defaultValue={kept(result && !result.ok ? result.values : undefined, 'email')} />
            </Field>
            <Field name="role" label={t('org.role')} errors={errors.role}>
              <select {...inputProps('role', errors.role)} defaultValue="member">
                <option value="member">{t('org.role.member')}</option>
                <option value="admin">{t('org.role.admin')}</option>
              </select>
            </Field>
            <button type="submit">{t('org.sendInvitation')}</button>
          </Form>
          {invitations.length ? (
            <>
              <h3>{t('org.pendingInvitations')}</h3>
              <ul>
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email} ({t(`org.role.${i.role}`)}) — {formatDate(i.expires_at, lang)}
                    <Form method="post" className="inline">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" name="intent" value="revoke" className="secondary">{t('org.revoke')}</button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
