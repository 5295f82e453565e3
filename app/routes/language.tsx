import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { z } from 'zod';
import { parseInput } from '../domain/form-input.js';
import { LANGS } from '../i18n/index.js';
import { languageCookie } from '../i18n/language.server.js';
import { readForm } from '../web/forms.server.js';
import { safeRedirect } from '../web/safe-redirect.js';

const languageForm = z.object({ lang: z.enum(LANGS), returnTo: z.string().optional() });

/** The switcher in every page's header: an unknown language just goes back, unchanged. */
export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const to = safeRedirect(values.returnTo);
  const form = parseInput(languageForm, values);
  if (!form.ok) return redirect(to);
  return redirect(to, { headers: { 'Set-Cookie': await languageCookie.serialize(form.value.lang) } });
}

export const loader = () => redirect('/');
