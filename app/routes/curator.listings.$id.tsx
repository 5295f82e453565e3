import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { problem } from '../domain/problem.js';
import { requireActor } from '../auth/session.server.js';
import type { ListingTransitionName } from '../domain/listing-lifecycle.js';
import { provinceName } from '../domain/provinces.js';
import type { MessageKey } from '../i18n/index.js';
import { requireCurator, setFeatured } from '../services/curation.server.js';
import { listAttachments, reviewAttachment } from '../services/attachments.server.js';
import { applyListingTransition } from '../services/listing-lifecycle.server.js';
import { getOwnListing } from '../services/my-listings.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps } from '../ui/field.js';
import { Attachments } from '../ui/attachments.js';
import { ListingHistory } from '../ui/listing-history.js';
import { Price } from '../ui/price.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction, readForm } from '../web/forms.server.js';
import { renderMarkdown } from '../web/markdown.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data?.listing.input.title ?? t('curator.queue') }));

const DECISIONS: ListingTransitionName[] = ['approve', 'request_changes', 'reject'];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => {
    requireCurator(actor);
    const listing = await getOwnListing(ctx, actor, params.id ?? '');
    const files = await listAttachments(ctx, listing.id, actor);
    return { listing, files, descriptionHtml: renderMarkdown(listing.input.description) };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const values = await readForm(request);
  const intent = String(values.intent);
  const id = params.id ?? '';
  return formAction(values, async () => {
    if (intent === 'feature' || intent === 'unfeature') {
      await setFeatured(ctx, actor, id, intent === 'feature');
      return { ok: true as const, done: intent };
    }
    if (intent === 'approve_attachment' || intent === 'refuse_attachment') {
      await reviewAttachment(ctx, actor, id, String(values.attachmentId ?? ''), intent === 'approve_attachment' ? 'approve' : 'refuse');
      return { ok: true as const, done: intent };
    }
    if (!DECISIONS.includes(intent as ListingTransitionName)) throw data({ error: 'unknown_intent', problem: problem('unknown_intent') }, { status: 400 });
    requireCurator(actor);
    await applyListingTransition(ctx, actor, id, intent as ListingTransitionName, {
      reason: String(values.reason ?? ''),
      expectedVersion: Number(values.version) || null,
    });
    return { ok: true as const, done: intent };
  });
}

export default function ReviewListing() {
  const t = useT();
  const lang = useLang();
  const { listing, files, descriptionHtml } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const l = listing.input;
  const pending = listing.status === 'pending_review';
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <article className="listing-detail">
      <p className="listing-meta">
        <Link to="/curator">← {t('curator.queue')}</Link>
        <span className={`status status-${listing.status}`}>{t(`status.${listing.status}` as MessageKey)}</span>
      </p>
      <h1 lang={l.language}>{l.title}</h1>
      {result && !result.ok ? <FormMessage message={result.message} /> : null}
      {result?.ok ? <p className="notice" role="status">{t(`curator.done.${result.done}` as MessageKey)}</p> : null}
      <p className="lead" lang={l.language}>{l.summary}</p>
      <dl className="facts">
        <dt>{t('listing.owner')}</dt>
        <dd>{listing.organisationName}{l.anonymous ? ` (${t('listingForm.anonymous')})` : ''}</dd>
        <dt>{t('listing.sectors')}</dt>
        <dd>{l.sectors.map((s) => t(`sector.${s}`)).join(', ')}</dd>
        <dt>TRL</dt>
        <dd>{l.trl} — {t(`trl.${l.trl}` as MessageKey)}</dd>
        <dt>{l.kind === 'offer' ? t('listing.price') : t('listing.budget')}</dt>
        <dd><Price min={l.priceMin} max={l.priceMax} negotiable={l.priceNegotiable} /></dd>
        <dt>{t('listing.province')}</dt>
        <dd>{provinceName(l.province, lang)}</dd>
      </dl>
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('listing.description')}</h2>
        <div className="markdown" lang={l.language} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </section>
      {l.confidentialDetails ? (
        <section className="confidential" aria-labelledby="confidential-heading">
          <h2 id="confidential-heading">{t('listingForm.confidential')}</h2>
          <p className="pre">{l.confidentialDetails}</p>
        </section>
      ) : null}
      <Attachments files={files} listingId={listing.id} review />
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
              <button type="submit" name="intent" value="reject" className="danger">{t('curator.reject')}</button>
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
