import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { isLang } from '../i18n/index.js';
import { languageCookie } from '../i18n/language.server.js';
import { safeRedirect } from '../web/safe-redirect.js';

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get('lang');
  const to = safeRedirect(form.get('returnTo'));
  if (!isLang(lang)) return redirect(to);
  return redirect(to, { headers: { 'Set-Cookie': await languageCookie.serialize(lang) } });
}

export const loader = () => redirect('/');
