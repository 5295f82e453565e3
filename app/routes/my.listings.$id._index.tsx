import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { z } from 'zod';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { CONFIRMED_OWNER_ACTIONS, OWNER_ACTIONS } from '../domain/listing-process.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { applyListingTransition } from '../services/listing-lifecycle.server.js';
import { getOwnListing } from '../services/my-listings.server.js';
import { InvalidInputError } from '../services/errors.js';
import { CuratorRequestNotice } from '../ui/curator-request.js';
import { TrlFact } from '../ui/listing-public.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { FormMessage } from '../ui/field.js';
import { Attachments } from '../ui/attachments.js';
import { ExpressLicenceForm } from '../ui/express-licence.js';
import { ListingHistory } from '../ui/listing-history.js';
import { listAttachments } from '../services/attachments.server.js';
import { ownExpressLicence } from '../services/express-licence.server.js';
import { Price } from '../ui/price.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { readForm } from '../web/forms.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { renderMarkdown } from '../web/markdown.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data?.listing.input.title ?? t('my.title') }));

/** The owner's buttons: the transitions of the listing process this page takes at once. */
const DIRECT_ACTIONS = OWNER_ACTIONS.filter((n) => !CONFIRMED_OWNER_ACTIONS.includes(n));
const actionSchema = z.object({ intent: z.enum(DIRECT_ACTIONS as [string, ...string[]]), version: z.coerce.number().int().optional() });
/** What a page the owner came back from has done (the edit page's submission, the archive page). */
const DONE_ELSEWHERE = ['submit', 'archive'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    const listing = await getOwnListing(ctx, actor, params.id ?? '');
    const url = new URL(request.url);
    const status = url.searchParams.get('attachment');
    return {
      listing,
      doneElsewhere: DONE_ELSEWHERE.find((d) => d === url.searchParams.get('done')) ?? null,
      descriptionHtml: renderMarkdown(listing.input.description),
      files: await listAttachments(ctx, listing.id, actor),
      attachmentStatus: status && ['added', 'removed', 'too_large', 'refused'].includes(status) ? status : null,
      expressPrice: await ownExpressLicence(ctx, actor, listing.id),
      expressStatus: (['saved', 'refused'] as const).find((s) => s === new URL(request.url).searchParams.get('express')) ?? null,
    };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const values = await readForm(request);
  return schemaAction(actionSchema, values, async ({ intent, version }) => {
    try {
      await applyListingTransition(ctx, actor, params.id ?? '', intent, { expectedVersion: version ?? null });
    } catch (error) {
      // An incomplete listing cannot go to review: the edit page shows what is missing, by field.
      if (intent === 'submit' && error instanceof InvalidInputError) throw redirect(`/my/listings/${params.id}/edit?submit=incomplete`);
      throw error;
    }
    return { ok: true as const, done: intent };
  });
}

export default function MyListing() {
  const t = useT();
  const lang = useLang();
  const { listing, doneElsewhere, descriptionHtml, files, attachmentStatus, expressPrice, expressStatus } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const l = listing.input;
  const actions = listing.transitions.filter((n) => DIRECT_ACTIONS.includes(n));
  const done = result?.ok ? result.done : doneElsewhere;
  return (
    <article className="listing-detail">
      <p className="listing-meta">
        <Link to="/my/listings">← {t('my.title')}</Link>
        <span className={`status status-${listing.status}`}>{t(`status.${listing.status}` as MessageKey)}</span>
      </p>
      <h1 lang={l.language ?? undefined}>{l.title}</h1>
      {listing.curatorRequest ? <CuratorRequestNotice request={listing.curatorRequest} /> : null}
      {listing.status === 'rejected' && listing.mine ? <p className="hint">{t('curatorRequest.rejectedHint')}</p> : null}
      {result && !result.ok ? <FormMessage message={result.message} /> : null}
      {done ? <p className="notice" role="status">{t(`my.done.${done}` as MessageKey)}</p> : null}
      <p className="lead" lang={l.language ?? undefined}>{l.summary}</p>
      <dl className="facts">
        <dt>{t('my.status')}</dt>
        <dd>{t(`status.${listing.status}` as MessageKey)}</dd>
        {listing.status === 'published' ? (
          <>
            <dt>{t('my.public')}</dt>
            <dd><Link to={`/listings/${listing.id}`}>{t('my.viewPublic')}</Link></dd>
          </>
        ) : null}
        {listing.expiresAt ? (
          <>
            <dt>{t('my.expires')}</dt>
            <dd>{formatDate(listing.expiresAt, lang)}</dd>
          </>
        ) : null}
        {listing.confirmedActiveAt ? (
          <>
            <dt>{t('listing.confirmedActive', { date: '' }).replace(/\s*$/, '')}</dt>
            <dd>{formatDate(listing.confirmedActiveAt, lang)}</dd>
          </>
        ) : null}
        <dt>{l.kind === 'offer' ? t('listing.trlReached') : t('listing.trlWanted')}</dt>
        <dd>{l.trl === null ? '—' : <TrlFact trl={l.trl} />}</dd>
        <dt>{l.kind === 'offer' ? t('listing.price') : t('listing.budget')}</dt>
        <dd><Price min={l.priceMin} max={l.priceMax} negotiable={l.priceNegotiable} /></dd>
        <dt>{t('listingForm.anonymous')}</dt>
        <dd>{l.anonymous ? t('common.yes') : t('common.no')}</dd>
      </dl>
      <div className="actions">
        {listing.editable ? <Link className="button" to={`/my/listings/${listing.id}/edit`}>{t('my.edit')}</Link> : null}
        <Link className="button secondary" to={`/my/listings/${listing.id}/preview`}>{t('preview.link')}</Link>
        {actions.map((name) => (
          <Form method="post" key={name}>
            <input type="hidden" name="version" value={listing.version} />
            <button type="submit" name="intent" value={name}>{t(`my.action.${name}` as MessageKey)}</button>
          </Form>
        ))}
        {listing.transitions.includes('archive') ? <Link className="button secondary" to={`/my/listings/${listing.id}/archive`}>{t('my.action.archive')}</Link> : null}
      </div>
      {listing.transitions.includes('submit') && listing.submissionProblems ? <p className="hint">{t('listing.incompleteForReview')}</p> : null}
      {listing.status === 'published' && listing.editable ? <p className="hint">{t('my.editPublishedHint')}</p> : null}
      {listing.pendingRevision ? (
        <section aria-labelledby="revision-heading" className="notice">
          <h2 id="revision-heading">{t('revision.pending.title')}</h2>
          <p>{t('revision.pending.owner', { at: formatDate(listing.pendingRevision.proposedAt, lang) })}</p>
          <p lang={listing.pendingRevision.input.language ?? undefined}><strong>{listing.pendingRevision.input.title}</strong></p>
        </section>
      ) : null}
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('listing.description')}</h2>
        <div className="markdown" lang={l.language ?? undefined} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </section>
      {l.confidentialDetails ? (
        <section aria-labelledby="confidential-heading" className="confidential">
          <h2 id="confidential-heading">{t('listingForm.confidential')}</h2>
          <p className="hint">{t('listingForm.confidentialHint')}</p>
          <p className="pre">{l.confidentialDetails}</p>
        </section>
      ) : null}
      <Attachments files={files} manage={listing.mine} listingId={listing.id} status={attachmentStatus} />
      {listing.mine && l.kind === 'offer' ? <ExpressLicenceForm listingId={listing.id} price={expressPrice} status={expressStatus} /> : null}
      <ListingHistory history={listing.history} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
