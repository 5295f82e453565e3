import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { destroySession, sessionToken } from '../auth/session.server.js';
import { signOut } from '../services/accounts.server.js';
import { appContext } from '../web/context.server.js';

export async function action({ request, context }: ActionFunctionArgs) {
  const token = await sessionToken(request);
  if (token) await signOut(appContext(context), token);
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } });
}

export const loader = () => redirect('/');
