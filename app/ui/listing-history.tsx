import { formatDateTime, type MessageKey } from '../i18n/index.js';
import { useLang, useT } from './use-t.js';

export interface HistoryEntry {
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  by: string | null;
  at: string;
}

/** Every change of state, who made it, when and why. */
export function ListingHistory({ history }: { history: HistoryEntry[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      <ol className="history">
        {history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time>{' '}
            <strong>{t(`history.${h.action}` as MessageKey)}</strong>
            {h.to ? <> → {t(`status.${h.to}` as MessageKey)}</> : null}
            {h.by ? <> · {h.by}</> : null}
            {h.reason ? <blockquote>{h.reason}</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
