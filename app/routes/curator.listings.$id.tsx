import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { z } from 'zod';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { CURATOR_DECISIONS } from '../domain/listing-process.js';
import { formatDateTime, type MessageKey } from '../i18n/index.js';
import { requireCurator, setFeatured } from '../services/curation.server.js';
import { listAttachments, reviewAttachment } from '../services/attachments.server.js';
import { applyListingTransition } from '../services/listing-lifecycle.server.js';
import { listingForReview } from '../services/listing-review.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps } from '../ui/field.js';
import { Attachments } from '../ui/attachments.js';
import { RevisionChanges } from '../ui/revision-changes.js';
import { ListingFacts, ListingText } from '../ui/listing-public.js';
import { ListingHistory } from '../ui/listing-history.js';
import { VerifiedBadge } from '../ui/owner.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction, readForm } from '../web/forms.server.js';
import { parsed } from '../web/form-schema.server.js';
import { renderMarkdown } from '../web/markdown.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data?.preview.title ?? t('curator.queue') }));

/** Rejecting cannot be undone: it is taken on its own confirmation page (curator.listings.$id_.reject.tsx), never from here. */
const PAGE_DECISIONS = CURATOR_DECISIONS.filter((name) => name !== 'reject');

/** The forms of this page, one schema: featuring, a file's review, and the decisions the listing process offers. */
const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('feature') }),
  z.object({ intent: z.literal('unfeature') }),
  z.object({ intent: z.literal('approve_attachment'), attachmentId: z.string() }),
  z.object({ intent: z.literal('refuse_attachment'), attachmentId: z.string() }),
  ...PAGE_DECISIONS.map((name) => z.object({ intent: z.literal(name), reason: z.string().optional(), version: z.coerce.number().int().optional() })),
] as unknown as [z.ZodDiscriminatedUnionOption<'intent'>, ...z.ZodDiscriminatedUnionOption<'intent'>[]]);

type CuratorAction =
  | { intent: 'feature' | 'unfeature' }
  | { intent: 'approve_attachment' | 'refuse_attachment'; attachmentId: string }
  | { intent: (typeof CURATOR_DECISIONS)[number]; reason?: string; version?: number };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    requireCurator(actor);
    const review = await listingForReview(ctx, actor, params.id ?? '');
    const files = await listAttachments(ctx, review.listing.id, actor);
    return { ...review, files, descriptionHtml: renderMarkdown(review.preview.description) };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const values = await readForm(request);
  const id = params.id ?? '';
  return formAction(values, async () => {
    // The curator's page first: anyone else is told so (403), whatever they posted.
    requireCurator(actor);
    const form = parsed(actionSchema, values) as CuratorAction;
    if (form.intent === 'feature' || form.intent === 'unfeature') await setFeatured(ctx, actor, id, form.intent === 'feature');
    else if (form.intent === 'approve_attachment' || form.intent === 'refuse_attachment') {
      await reviewAttachment(ctx, actor, id, form.attachmentId, form.intent === 'approve_attachment' ? 'approve' : 'refuse');
    } else {
      const decision = form as Extract<CuratorAction, { version?: number }>;
      await applyListingTransition(ctx, actor, id, decision.intent, { reason: decision.reason ?? '', expectedVersion: decision.version ?? null });
    }
    return { ok: true as const, done: form.intent };
  });
}

export default function ReviewListing() {
  const t = useT();
  const lang = useLang();
  const { listing, preview, organisation, resubmitted, lastReviewed, nearDuplicates, files, descriptionHtml } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const l = listing.input;
  const offered = (name: string) => listing.transitions.includes(name as (typeof listing.transitions)[number]);
  const pending = offered('approve');
  const revision = listing.pendingRevision;
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <article className="listing-detail">
      <p className="listing-meta">
        <Link to="/curator">← {t('curator.queue')}</Link>
        <span className={`kind kind-${l.kind}`}>{t(`kind.${l.kind}`)}</span>
        <span className={`status status-${listing.status}`}>{t(`status.${listing.status}` as MessageKey)}</span>
        {resubmitted ? <strong className="status status-resubmitted">{t('review.resubmitted', { decision: t(`review.decision.${resubmitted.decision}` as MessageKey), at: formatDateTime(resubmitted.at, lang) })}</strong> : null}
      </p>
      <h1 lang={preview.language}>{preview.title}</h1>
      {result && !result.ok ? <FormMessage message={result.message} /> : null}
      {result?.ok ? <p className="notice" role="status">{t(`curator.done.${result.done}` as MessageKey)}</p> : null}
      <section aria-labelledby="organisation-heading" className="facts">
        <h2 id="organisation-heading">{t('review.organisation')}</h2>
        <dl>
          <dt>{t('listing.owner')}</dt>
          <dd><Link to={`/curator/organisations/${organisation.id}`}>{organisation.name}</Link> ({t(`org.type.${organisation.type}`)})</dd>
          <dt>{t('review.taxCode')}</dt>
          <dd><code className="tax-code">{organisation.taxCode}</code></dd>
          <dt>{t('verification.status')}</dt>
          <dd>{organisation.verifiedAt ? <>{t('review.verified')} <VerifiedBadge /> ({formatDateTime(organisation.verifiedAt, lang)})</> : t('review.notVerified')}</dd>
          <dt>{t('review.anonymous')}</dt>
          <dd>{(revision?.input ?? l).anonymous ? t('review.yes') : t('review.no')}</dd>
        </dl>
      </section>
      {resubmitted && lastReviewed ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t('review.changesSince', { at: formatDateTime(lastReviewed.at, lang) })}</h2>
          <RevisionChanges current={lastReviewed.input} revised={l} caption="revision.changed" before="review.before" after="review.after" />
        </section>
      ) : null}
      <section aria-labelledby="preview-heading" className="review-preview">
        <h2 id="preview-heading">{t('review.facts')}</h2>
        <p className="lead" lang={preview.language}>{preview.summary}</p>
        <ListingFacts listing={preview} />
        <ListingText listing={preview} descriptionHtml={descriptionHtml} />
      </section>
      {l.confidentialDetails ? (
        <section className="confidential" aria-labelledby="confidential-heading">
          <h2 id="confidential-heading">{t('listingForm.confidential')}</h2>
          <p className="pre">{l.confidentialDetails}</p>
        </section>
      ) : null}
      <Attachments files={files} listingId={listing.id} review />
      <section aria-labelledby="duplicates-heading">
        <h2 id="duplicates-heading">{t('review.duplicates')}</h2>
        {nearDuplicates.length ? (
          <ul>
            {nearDuplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/listings/${d.id}`}>{d.title}</Link> — {t(`kind.${d.kind}`)}, {d.organisationName} ({t('review.similarity', { percent: d.similarity })})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('review.noDuplicates')}</p>
        )}
      </section>
      {pending ? (
        <section aria-labelledby="decision-heading" className="decision">
          <h2 id="decision-heading">{t('curator.decision')}</h2>
          <Form method="post">
            <input type="hidden" name="version" value={listing.version} />
            <button type="submit" name="intent" value="approve">{t('curator.approve')}</button>
          </Form>
          <Form method="post" className="stack">
            <input type="hidden" name="version" value={listing.version} />
            <Field name="reason" label={t('curator.reason')} errors={errors.reason}>
              <textarea {...inputProps('reason', errors.reason)} rows={4} maxLength={2000} />
            </Field>
            <p className="actions">
              <button type="submit" name="intent" value="request_changes">{t('curator.requestChanges')}</button>
              {offered('reject') ? (
                // Rejecting is final: the button opens the confirmation page, carrying the reason typed here.
                <button type="submit" formMethod="get" formAction={`/curator/listings/${listing.id}/reject`} className="danger">{t('curator.reject')}</button>
              ) : null}
            </p>
          </Form>
        </section>
      ) : null}
      {revision && offered('approve_revision') ? (
        <section aria-labelledby="revision-heading" className="decision">
          <h2 id="revision-heading">{t('revision.pending.title')}</h2>
          <p>{t('revision.pending.curator')}</p>
          <RevisionChanges current={l} revised={revision.input} />
          <Form method="post" className="stack">
            <input type="hidden" name="version" value={listing.version} />
            <Field name="reason" label={t('curator.reason')} errors={errors.reason}>
              <textarea {...inputProps('reason', errors.reason)} rows={3} maxLength={2000} />
            </Field>
            <p className="actions">
              <button type="submit" name="intent" value="approve_revision">{t('revision.approve')}</button>
              <button type="submit" name="intent" value="decline_revision" className="danger">{t('revision.decline')}</button>
            </p>
          </Form>
        </section>
      ) : null}
      {listing.status === 'published' ? (
        <Form method="post">
          <button type="submit" name="intent" value={listing.featured ? 'unfeature' : 'feature'}>
            {listing.featured ? t('curator.unfeature') : t('curator.feature')}
          </button>
        </Form>
      ) : null}
      <ListingHistory history={listing.history} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
