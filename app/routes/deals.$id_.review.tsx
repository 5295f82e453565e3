// A side's review of a completed deal. The deal page shows the form and posts it here; a refusal
// of the input comes back on this small page, with the fields' errors and what was typed.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { postReview, reviewFormOf } from '../services/reviews.server.js';
import { ReviewForm } from '../ui/deal-reviews.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { FormMessage } from '../ui/field.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { formAction, readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, (t) => ({ title: t('review.formTitle') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ form: await reviewFormOf(ctx, actor, params.id ?? '') }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  // The service parses the input with the review's one schema after deciding who may post
  // (404, 403, 409 before 400, the engine's order), so a stranger learns nothing from a bad form.
  const values = await readForm(request);
  return formAction(values, async () => {
    await postReview(ctx, actor, id, values);
    return redirect(`/deals/${id}#reviews`);
  });
}

export default function ReviewPage() {
  const t = useT();
  const { form } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'ok' in result && !result.ok ? result : null;
  return (
    <article className="deal-review">
      <p className="listing-meta">
        <Link to={`/deals/${form.dealId}`}>← {t('review.back')}: {form.title}</Link>
      </p>
      <h1>{t('review.formTitle')}</h1>
      <FormMessage message={failed?.message} />
      <ReviewForm dealId={form.dealId} windowEndsAt={form.windowEndsAt} errors={failed?.fieldErrors} values={failed?.values} titled={false} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
