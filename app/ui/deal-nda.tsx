import { Form } from '@remix-run/react';
import type { DealView } from '../domain/deal-view.js';
import { formatDate, formatDateTime, type MessageKey } from '../i18n/index.js';
import { useLang, useT } from './use-t.js';

/** The standard mutual NDA in full, who accepted it and when, and the button the engine offers. */
export function NdaSection({ deal }: { deal: Pick<DealView, 'nda' | 'transitions' | 'version'> }) {
  const t = useT();
  const lang = useLang();
  const { nda } = deal;
  const offered = (['propose_nda', 'accept_nda'] as const).filter((n) => deal.transitions.includes(n));
  return (
    <section aria-labelledby="nda-heading" className="nda">
      <h2 id="nda-heading">{t('deal.nda.title')}</h2>
      <p>
        {nda.inForceAt
          ? t('deal.nda.inForce', { date: formatDate(nda.inForceAt, lang) })
          : nda.proposedBy
            ? t('deal.nda.proposed', { party: t(`deal.party.${nda.proposedBy}` as MessageKey) })
            : t('deal.nda.none')}
      </p>
      {nda.acceptances.length ? (
        <ul>
          {nda.acceptances.map((a) => (
            <li key={a.party}>
              {t('deal.nda.acceptance', { party: t(`deal.party.${a.party}` as MessageKey), name: a.by, date: formatDateTime(a.at, lang), version: a.ndaVersion })}
            </li>
          ))}
        </ul>
      ) : null}
      <details open={offered.length > 0}>
        <summary>{t('deal.nda.version', { version: nda.version })}</summary>
        <div className="pre nda-text" lang={lang}>{nda.text}</div>
        <p className="hint">{t('deal.nda.hash')}</p>
      </details>
      {offered.map((name) => (
        <Form method="post" key={name}>
          <input type="hidden" name="version" value={deal.version} />
          <button type="submit" name="intent" value={name}>{t(name === 'propose_nda' ? 'deal.nda.propose' : 'deal.nda.accept')}</button>
        </Form>
      ))}
    </section>
  );
}
