import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { z } from 'zod';
import { getActor } from '../auth/session.server.js';
import { parseInput } from '../domain/form-input.js';
import { LANGS } from '../i18n/index.js';
import { rememberLanguage } from '../services/preferences.server.js';
import { appContext } from '../web/context.server.js';
import { languageCookie } from '../i18n/language.server.js';
import { readForm } from '../web/forms.server.js';
import { safeRedirect } from '../web/safe-redirect.js';

const languageForm = z.object({ lang: z.enum(LANGS), returnTo: z.string().optional() });

/** The switcher in every page's header: an unknown language just goes back, unchanged. */
export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const to = safeRedirect(values.returnTo);
  const form = parseInput(languageForm, values);
  if (!form.ok) return redirect(to);
  // A signed-in person's emails follow the language they read the market in.
  const actor = await getActor(appContext(context), request);
  if (actor) await rememberLanguage(appContext(context), actor, form.value.lang);
  return redirect(to, { headers: { 'Set-Cookie': await languageCookie.serialize(form.value.lang) } });
}

export const loader = () => redirect('/');
