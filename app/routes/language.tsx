import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getActor } from '../auth/session.server.js';
import { isLang } from '../i18n/index.js';
import { rememberLanguage } from '../services/preferences.server.js';
import { appContext } from '../web/context.server.js';
import { languageCookie } from '../i18n/language.server.js';
import { readForm } from '../web/forms.server.js';
import { safeRedirect } from '../web/safe-redirect.js';

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const to = safeRedirect(form.returnTo);
  if (!isLang(form.lang)) return redirect(to);
  // A signed-in person's emails follow the language they read the market in.
  const actor = await getActor(appContext(context), request);
  if (actor) await rememberLanguage(appContext(context), actor, form.lang);
  return redirect(to, { headers: { 'Set-Cookie': await languageCookie.serialize(form.lang) } });
}

export const loader = () => redirect('/');
