import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '../auth/session.server.js';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.js';
import { contractFormSchema } from '../domain/contract-form.js';
import { formatDateTime, type MessageKey } from '../i18n/index.js';
import { confirmPaperScan, signContractDigitally, uploadPaperScan } from '../services/contract-files.server.js';
import { getContract } from '../services/contract-views.server.js';
import { reviseContract, signContract, terminateContract } from '../services/contracts.server.js';
import { ContractDetailsForm, ContractMilestones, ContractText, SignForms } from '../ui/contract.js';
import { PaperForms } from '../ui/contract-paper.js';
import { TerminateForm } from '../ui/contract-terminate.js';
import { GeneralErrorBoundary } from '../ui/error-boundary.js';
import { FormMessage, kept } from '../ui/field.js';
import { useLang, useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { schemaAction } from '../web/form-schema.server.js';
import { pageMeta } from '../web/meta.js';
import { asPage } from '../web/page-errors.server.js';
import { readPageUpload } from '../web/upload.server.js';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data ? `${t('contract.title')} ${data.contract.number}` : t('contract.title') }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  return asPage(async () => ({ contract: await getContract(ctx, actor, params.id ?? '') }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  // The digital signature's form carries the signed PDF; the others carry no file.
  const sent = await readPageUpload(request, { maxFileBytes: MAX_ATTACHMENT_BYTES * 4, field: 'file', intent: 'sign_digital' });
  if ('failure' in sent) return data(sent.failure, { status: 413, headers: { Connection: 'close' } });
  return schemaAction(contractFormSchema, sent.values, async (form) => {
    if (form.intent === 'revise') {
      const { intent: _i, version, ...details } = form;
      await reviseContract(ctx, actor, id, details, version);
    } else if (form.intent === 'sign') {
      await signContract(ctx, actor, id, form, { method: 'click', address: context.clientIp ?? null });
    } else if (form.intent === 'sign_digital') {
      await signContractDigitally(ctx, actor, id, form, sent.files.file?.bytes ?? new Uint8Array(), context.clientIp ?? null);
    } else if (form.intent === 'terminate') {
      await terminateContract(ctx, actor, id, form.reason, form.version);
    } else if (form.intent === 'upload_paper') {
      await uploadPaperScan(ctx, actor, id, form, sent.files.file, context.clientIp ?? null);
    } else {
      await confirmPaperScan(ctx, actor, id, form, context.clientIp ?? null);
    }
    return { ok: true as const, done: form.intent };
  });
}

export default function ContractPage() {
  const t = useT();
  const lang = useLang();
  const { contract } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const sent = failed ? kept(failed.values, 'intent') : null;
  const errorsOf = (intent: string) => (failed && sent === intent ? failed.fieldErrors : {});
  return (
    <article className="contract">
      <p className="listing-meta">
        <Link to={`/deals/${contract.dealId}`}>← {t('contract.backToDeal')}</Link>{' '}
        <span className={`status stage-${contract.stage}`}>{t(`contract.stage.${contract.stage}` as MessageKey)}</span>
      </p>
      <h1>
        {t('contract.title')} {contract.number}
      </h1>
      <FormMessage message={failed ? (failed.message ?? failed.fieldErrors.version?.[0] ?? failed.fieldErrors.contentSha256?.[0]) : null} />
      {result?.ok ? <p className="notice" role="status">{t(`contract.done.${result.done}` as MessageKey)}</p> : null}
      <p>
        {t('contract.version', { version: contract.contentVersion })} · SHA-256 <code className="hash">{contract.contentSha256}</code>
      </p>
      <p>
        <a href={`/contracts/${contract.id}/pdf`} download>
          {t('contract.downloadPdf')}
        </a>
      </p>
      {contract.gaps.length ? (
        <p className="notice notice-error" role="status">
          {t('contract.gaps', { missing: contract.gaps.map((g) => t(`contract.gap.${g}` as MessageKey)).join(', ') })}
        </p>
      ) : null}
      <section aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">{t('contract.signatures')}</h2>
        {contract.signatures.length === 0 ? <p>{t('contract.noSignatures')}</p> : null}
        <ul>
          {contract.signatures.map((s, i) => (
            <li key={i}>
              {t(`deal.side.${s.party}` as MessageKey)}: {s.typedName} · {t(`contract.method.${s.method}` as MessageKey)} · <time dateTime={s.at}>{formatDateTime(s.at, lang)}</time>
              {s.certificate ? <> · {t('contract.certificate')}: {s.certificate}</> : null}
            </li>
          ))}
        </ul>
        <SignForms contract={contract} errorsOf={errorsOf} values={failed?.values} sent={sent} />
        <PaperForms contract={contract} errorsOf={errorsOf} />
      </section>
      {contract.ownDetails && contract.transitions.includes('revise') ? <ContractDetailsForm contract={contract} errors={errorsOf('revise')} values={sent === 'revise' ? failed?.values : undefined} /> : null}
      {contract.stage === 'completed' && contract.party ? (
        <p className="notice">
          <Link to={`/deals/${contract.dealId}#reviews`}>{t('contract.review')}</Link>
        </p>
      ) : null}
      <ContractMilestones milestones={contract.milestones} />
      {contract.transitions.includes('terminate') ? <TerminateForm version={contract.version} errors={errorsOf('terminate')} /> : null}
      <ContractText text={contract.text} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
