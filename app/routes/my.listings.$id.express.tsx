import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { parseVndAmount } from '../domain/listing-form.js';
import { setExpressLicence } from '../services/express-licence.server.js';
import { InvalidInputError } from '../services/errors.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { appContext } from '../web/context.server.js';
import { readForm } from '../web/forms.server.js';
import { asPage } from '../web/page-errors.server.js';

/** The owner sets or removes its offer's express licence price, then goes back to the listing. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  const raw = String((await readForm(request)).price ?? '').trim();
  const price = raw === '' ? null : (parseVndAmount(raw) ?? Number.NaN);
  try {
    await setExpressLicence(ctx, actor, id, price);
  } catch (error) {
    // A refused price is said on the listing; anything else (not found …) is its error page.
    if (error instanceof InvalidInputError) return redirect(`/my/listings/${id}?express=refused`);
    return asPage(() => Promise.reject(error));
  }
  return redirect(`/my/listings/${id}?express=saved`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
