import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { buyExpressLicence } from '../services/express-licence.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { appContext } from '../web/context.server.js';
import { asPage } from '../web/page-errors.server.js';

/** "Buy now": the offer's express licence, bought at its fixed price; the buyer lands on the contract to sign. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const { dealId, contractId } = await asPage(() => buyExpressLicence(ctx, actor, params.id ?? ''));
  return redirect(contractId ? `/contracts/${contractId}` : `/deals/${dealId}`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
