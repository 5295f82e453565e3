import type { CuratorRequest } from '../domain/listing.js';
import { formatDate, type MessageKey } from '../i18n/index.js';
import { useLang, useT } from './use-t.js';

/** The curator's latest request or refusal, at the top of the owner's pages: what to act on. */
export function CuratorRequestNotice({ request }: { request: CuratorRequest }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="notice notice-error" aria-labelledby="curator-request-heading" role="note">
      <h2 id="curator-request-heading">{t(`curatorRequest.${request.action}` as MessageKey)}</h2>
      {request.reason ? <p className="pre">{request.reason}</p> : null}
      <p className="hint">{t('curatorRequest.when', { name: request.by ?? t('curatorRequest.curator'), date: formatDate(request.at, lang) })}</p>
    </section>
  );
}
