import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { isLang } from '../i18n/index.js';
import { languageCookie } from '../i18n/language.server.js';
import { readForm } from '../web/forms.server.js';
import { safeRedirect } from '../web/safe-redirect.js';

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const to = safeRedirect(form.returnTo);
  if (!isLang(form.lang)) return redirect(to);
  return redirect(to, { headers: { 'Set-Cookie': await languageCookie.serialize(form.lang) } });
}

export const loader = () => redirect('/');
