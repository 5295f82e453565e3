// /my/organisation/payments: how the organisation is paid, for its admins — the bank account that
// buyers transfer to, and card payments through Stripe. (`organisation_`: its own page, not drawn
// inside /my/organisation, which has no outlet.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireActor } from '../auth/session.server.js';
import { bankAccountSchema } from '../domain/bank-account.js';
import { BANKS_FOR_SELECT, bankByCode, bankName } from '../domain/banks.js';
import { fieldAttrs } from '../domain/form-constraints.js';
import { formatDate } from '../i18n/index.js';
import { onboardSeller } from '../services/card-payments.server.js';
import { getPaymentSettings, saveBankAccount } from '../services/payment-settings.server.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { Field, FormMessage, inputProps, kept } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { readForm } from '../web/forms.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('payments.title') }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const settings = await asPage(() => getPaymentSettings(ctx, actor));
  // Where Stripe's onboarding sent the admin back: finished for now, or the link had expired.
  const back = new URL(request.url).searchParams.get('stripe');
  return { settings, stripe: back === 'returned' || back === 'expired' ? back : null };
}

/** The page's two forms. */
const paymentForms = z.discriminatedUnion('intent', [bankAccountSchema.extend({ intent: z.literal('bank_account') }), z.object({ intent: z.literal('stripe_onboarding') })]);

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return schemaAction(paymentForms, await readForm(request), async (form) => {
    if (form.intent === 'stripe_onboarding') {
      const { url } = await onboardSeller(ctx, actor);
      throw redirect(url, 303);
    }
    await saveBankAccount(ctx, actor, form);
    return { ok: true as const, done: form.intent };
  });
}

export default function OrganisationPayments() {
  const t = useT();
  const lang = useLang();
  const { settings, stripe } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  const bank = settings.bankAccount;
  const typed = (name: string, saved: string) => (failed ? kept(failed.values, name) : saved);
  const account = settings.card.account;
  return (
    <section className="organisation">
      <p>
        <Link to="/my/organisation">← {t('nav.organisation')}</Link>
      </p>
      <h1>{t('payments.title')}</h1>
      <p>{t('payments.intro')}</p>
      {failed ? <FormMessage message={failed.message} /> : null}
      {result?.ok ? (
        <p className="notice" role="status">
          {t('payments.bank.saved')}
        </p>
      ) : null}

      <h2>{t('payments.bank.heading')}</h2>
      <p>{t('payments.bank.help')}</p>
      {bank ? (
        <dl className="facts">
          <dt>{t('payments.bank.bank')}</dt>
          <dd>{bankLabel(bank.bankCode, lang)}</dd>
          <dt>{t('payments.bank.accountNumber')}</dt>
          <dd>{bank.accountNumber}</dd>
          <dt>{t('payments.bank.holderName')}</dt>
          <dd>{bank.holderName}</dd>
          <dt>{t('payments.bank.updated')}</dt>
          <dd>{formatDate(bank.updatedAt, lang)}</dd>
        </dl>
      ) : (
        <p className="notice">{t('payments.bank.none')}</p>
      )}
      <Form method="post" className="stack narrow">
        <input type="hidden" name="intent" value="bank_account" />
        <Field name="bankCode" label={t('payments.bank.bank')} errors={errors.bankCode}>
          <select {...inputProps('bankCode', errors.bankCode)} {...fieldAttrs(bankAccountSchema, 'bankCode')} defaultValue={typed('bankCode', bank?.bankCode ?? '')}>
            <option value="">{t('payments.bank.choose')}</option>
            {BANKS_FOR_SELECT.map((b) => (
              <option key={b.code} value={b.code}>
                {bankLabel(b.code, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="accountNumber" label={t('payments.bank.accountNumber')} errors={errors.accountNumber} hint={t('payments.bank.accountNumberHint')}>
          <input
            {...inputProps('accountNumber', errors.accountNumber, true)}
            {...fieldAttrs(bankAccountSchema, 'accountNumber')}
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={typed('accountNumber', bank?.accountNumber ?? '')}
          />
        </Field>
        <Field name="holderName" label={t('payments.bank.holderName')} errors={errors.holderName} hint={t('payments.bank.holderNameHint')}>
          <input {...inputProps('holderName', errors.holderName, true)} {...fieldAttrs(bankAccountSchema, 'holderName')} defaultValue={typed('holderName', bank?.holderName ?? '')} />
        </Field>
        <button type="submit">{t('payments.bank.save')}</button>
      </Form>

      <h2>{t('payments.card.heading')}</h2>
      <p>{t('payments.card.help')}</p>
      {!settings.card.available ? (
        <p className="notice">{t('payments.card.unavailable')}</p>
      ) : (
        <>
          {stripe ? (
            <p className="notice" role="status">
              {t(stripe === 'returned' ? 'payments.card.returned' : 'payments.card.expired')}
            </p>
          ) : null}
          {account ? (
            <p className={account.chargesEnabled ? 'notice' : 'notice notice-warning'}>
              {t(account.chargesEnabled ? 'payments.card.enabled' : 'payments.card.pending', { account: account.accountId })}
            </p>
          ) : null}
          {account?.chargesEnabled ? null : (
            // A plain document post: the answer is a redirect to Stripe's onboarding.
            <Form method="post" reloadDocument>
              <input type="hidden" name="intent" value="stripe_onboarding" />
              <button type="submit">{t(account ? 'payments.card.resume' : 'payments.card.start')}</button>
            </Form>
          )}
        </>
      )}
    </section>
  );
}

function bankLabel(code: string, lang: 'vi' | 'en'): string {
  const bank = bankByCode(code);
  return bank ? `${bank.shortName} — ${bankName(bank, lang)}` : code;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
