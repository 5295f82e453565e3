import type { LoaderFunctionArgs } from '@remix-run/node';
import { checkHealth } from '../services/health.server.js';
import { appContext } from '../web/context.server.js';

export async function loader({ context }: LoaderFunctionArgs) {
  const health = await checkHealth(appContext(context));
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
