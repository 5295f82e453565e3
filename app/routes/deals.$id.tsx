import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.js';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { dealActionOfForm, dealFormSchema, type DealForm } from '../domain/deal-form.js';
import type { DealView } from '../domain/deal-view.js';
import type { Actor } from '../domain/actor.js';
import type { FieldProblems } from '../domain/problem.js';
import type { AppContext } from '../context.server.js';
import { getDeal } from '../services/deal-views.server.js';
import { postDealMessage } from '../services/deal-messages.server.js';
import { actOnDeal } from '../services/deals.server.js';
import { DealAnswer, DealConsent, DealEnd } from '../ui/deal-actions.js';
import { DealFacts, DealInterest, DealInside } from '../ui/deal-facts.js';
import { NdaSection } from '../ui/deal-nda.js';
import { TermSheetForm, TermSheetList } from '../ui/deal-terms.js';
import { DealTimeline } from '../ui/deal-timeline.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import type { MessageKey } from '../i18n/index.js';
import { appContext } from '../web/context.server.js';
import { readPageUpload, type UploadedFile } from '../web/upload.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';
// Reviews after completion: their section, and its data in the loader (the form posts to deals.$id_.review.tsx).
import { reviewsOfDeal } from '../services/reviews.server.js';
import { DealReviews } from '../ui/deal-reviews.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data?.deal.listing.title ?? t('deal.back') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ deal: await getDeal(ctx, actor, params.id ?? ''), reviews: await reviewsOfDeal(ctx, actor, params.id ?? '') }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  // The message form may carry a file; the other forms are read the same way and carry none.
  const sent = await readPageUpload(request, { maxFileBytes: MAX_ATTACHMENT_BYTES, field: 'file', intent: 'message' });
  if ('failure' in sent) return data(sent.failure, { status: 413, headers: { Connection: 'close' } });
  return schemaAction(dealFormSchema, sent.values, async (form) => {
    await act(ctx, actor, params.id ?? '', form, sent.files.file);
    return { ok: true as const, done: form.intent };
  });
}

/** The message form to its use case; every other form is the action the API takes, through the same use case. */
async function act(ctx: AppContext, actor: Actor, id: string, form: DealForm, file: UploadedFile | undefined) {
  if (form.intent === 'message') return postDealMessage(ctx, actor, id, { body: form.body }, file);
  return actOnDeal(ctx, actor, id, dealActionOfForm(form));
}

export default function DealPage() {
  const t = useT();
  const { deal, reviews } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  // Several forms share field names (a reason): a refusal's errors belong to the form that was sent.
  const sent = failed ? kept(failed.values, 'intent') : null;
  const errorsOf = (intent: string) => (failed && sent === intent ? failed.fieldErrors : {});
  const offered = (name: DealView['transitions'][number]) => deal.transitions.includes(name);
  return (
    <article className="deal">
      <p className="listing-meta">
        <Link to="/my/deals">← {t('deal.back')}</Link>
        <span className={`status stage-${deal.stage}`}>{t(`deal.stage.${deal.stage}` as MessageKey)}</span>
      </p>
      <h1 lang={deal.listing.language}>{deal.listing.title}</h1>
      <FormMessage message={failed ? (failed.message ?? failed.fieldErrors.version?.[0] ?? failed.fieldErrors.termsVersion?.[0]) : null} />
      {result?.ok ? <p className="notice" role="status">{t(`deal.done.${result.done}` as MessageKey)}</p> : null}
      {deal.contract ? (
        <p className="notice">
          <Link to={`/contracts/${deal.contract.id}`}>{t('contract.open', { number: deal.contract.number })}</Link> · {t(`contract.stage.${deal.contract.stage}` as MessageKey)}
        </p>
      ) : null}
      <DealFacts deal={deal} />
      {offered('consent') || offered('open_introduction') || offered('decline_introduction') ? <DealConsent deal={deal} /> : null}
      {offered('accept') || offered('decline') ? <DealAnswer deal={deal} errors={errorsOf('decline')} values={sent === 'decline' ? failed?.values : undefined} /> : null}
      <DealInterest deal={deal} />
      <DealInside deal={deal} />
      {deal.stage !== 'inquiry' && (deal.stage === 'negotiating' || deal.nda.proposedBy) ? <NdaSection deal={deal} /> : null}
      {deal.stage !== 'inquiry' && (deal.stage === 'negotiating' || deal.termSheets.length) ? (
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading">{t('deal.terms.title')}</h2>
          <TermSheetList sheets={deal.termSheets} dealVersion={deal.version} mayAccept={offered('accept_terms')} agreed={deal.agreedTerms} />
          {offered('propose_terms') ? (
            <TermSheetForm dealVersion={deal.version} latest={deal.termSheets[0]?.terms ?? null} kept={sent === 'propose_terms' ? failed?.values : undefined} errors={errorsOf('propose_terms')} />
          ) : null}
        </section>
      ) : null}
      {reviews ? <DealReviews reviews={reviews} /> : null}
      <DealTimeline entries={deal.timeline} dealId={deal.id} />
      {deal.mayMessage ? <MessageForm errors={errorsOf('message')} typed={sent === 'message' ? failed?.values : undefined} /> : null}
      {offered('withdraw') || offered('terminate') || offered('resolve') ? <DealEnd deal={deal} errorsOf={errorsOf} values={failed?.values} sent={sent} /> : null}
    </article>
  );
}

function MessageForm({ errors, typed }: { errors: FieldProblems; typed?: Record<string, string | string[]> }) {
  const t = useT();
  return (
    <Form method="post" encType="multipart/form-data" className="stack deal-message">
      <h2>{t('deal.message.title')}</h2>
      <Field name="body" label={t('deal.message.body')} errors={errors.body} hint={t('deal.message.hint')}>
        <textarea {...inputProps('body', errors.body, true)} required maxLength={4000} rows={4} defaultValue={kept(typed, 'body')} />
      </Field>
      <Field name="file" label={t('deal.message.file')} errors={errors.file} hint={t('deal.message.fileHint')}>
        <input {...inputProps('file', errors.file, true)} type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.pptx" />
      </Field>
      <p className="actions">
        <button type="submit" name="intent" value="message">{t('deal.message.send')}</button>
      </p>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
