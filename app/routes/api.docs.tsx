import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { API_TOKEN_LIMITS } from '../services/api-tokens.server.js';
import type { MessageKey } from '../i18n/index.js';
import { useT } from '../ui/use-t.js';
import { appContext } from '../web/context.server.js';
import { pageMeta } from '../web/meta.js';
import { apiReference, type ReferenceField, type ReferenceOperation } from '../web/openapi.server.js';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t('apiDocs.title') }));

/** The API for people: every operation of the OpenAPI document, in vi and en, readable without JavaScript. */
export async function loader({ context }: LoaderFunctionArgs) {
  const base = appContext(context).publicUrl.replace(/\/$/, '');
  return { base, operations: apiReference(base), perMinute: Math.round((API_TOKEN_LIMITS.perWindow * 60) / API_TOKEN_LIMITS.windowSeconds) };
}

/** A curl line that works as written once the token and ids are filled in. */
function example(base: string, op: ReferenceOperation): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'table' ? 'funnel' : `<${name}>`));
  const query = op.operationId === 'searchListings' ? '?q=nuoc%20thai' : '';
  const lines = [`curl${op.method === 'GET' ? '' : ` -X ${op.method}`} '${base}${path}${query}'`];
  if (op.caller === 'person' || op.caller === 'optional') lines.push(`  -H 'Authorization: Bearer otx_…'`);
  if (op.fields.some((f) => f.where === 'body') || op.variants.length > 0) {
    const first = op.variants[0];
    lines.push(`  -H 'Content-Type: application/json'`, `  -d '${first ? JSON.stringify({ name: first.name.split(' | ')[0] }) : '{ … }'}'`);
  }
  return lines.join(' \\\n');
}

function FieldsTable({ fields, caption }: { fields: ReferenceField[]; caption: string }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apiDocs.parameter')}</th>
            <th scope="col">{t('apiDocs.in')}</th>
            <th scope="col">{t('apiDocs.type')}</th>
            <th scope="col">{t('apiDocs.requiredCol')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={`${f.where}-${f.name}`}>
              <th scope="row">
                <code>{f.name}</code>
              </th>
              <td>{f.where === 'body' ? 'JSON' : t(`apiDocs.in.${f.where}` as MessageKey)}</td>
              <td>
                <code>{f.type}</code>
              </td>
              <td>{f.required ? t('apiDocs.yes') : t('apiDocs.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ApiDocs() {
  const t = useT();
  const { base, operations, perMinute } = useLoaderData<typeof loader>();
  return (
    <section className="narrow api-docs">
      <h1>{t('apiDocs.title')}</h1>
      <p className="lead">{t('apiDocs.lead')}</p>
      <p>
        {t('apiDocs.machine')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      <h2>{t('apiDocs.auth')}</h2>
      <p>
        {t('apiDocs.authText')} <Link to="/account#api-tokens">{t('apiDocs.makeToken')}</Link>
      </p>
      <pre>
        <code>{`curl '${base}/api/v1/my/listings' \\\n  -H 'Authorization: Bearer otx_…'`}</code>
      </pre>
      <p>{t('apiDocs.limits', { count: perMinute })}</p>
      <h2>{t('apiDocs.errors')}</h2>
      <p>{t('apiDocs.errorsText')}</p>
      <pre>
        <code>{'{ "error": "…", "code": "api_token_invalid" }'}</code>
      </pre>
      <h2>{t('apiDocs.operations')}</h2>
      <ul>
        {operations.map((op) => (
          <li key={op.operationId}>
            <a href={`#${op.operationId}`}>
              <code>{`${op.method} ${op.path}`}</code>
            </a>{' '}
            — {t(`apiDocs.op.${op.operationId}` as MessageKey)}
          </li>
        ))}
      </ul>
      {operations.map((op) => (
        <article key={op.operationId} id={op.operationId}>
          <h3>
            <code>{`${op.method} ${op.path}`}</code>
          </h3>
          <p>
            {t(`apiDocs.op.${op.operationId}` as MessageKey)} ({t(`apiDocs.caller.${op.caller}` as MessageKey)})
          </p>
          {op.fields.length > 0 ? <FieldsTable fields={op.fields} caption={t('apiDocs.parameters')} /> : null}
          {op.variants.map((v) => (
            <FieldsTable key={v.name} fields={v.fields} caption={`${t('apiDocs.body')}: name = ${v.name}`} />
          ))}
          <p>
            {t('apiDocs.responses')}: {op.statuses.join(', ')}
          </p>
          <h4>{t('apiDocs.example')}</h4>
          <pre>
            <code>{example(base, op)}</code>
          </pre>
        </article>
      ))}
    </section>
  );
}
