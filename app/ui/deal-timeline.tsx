import type { TimelineEntry } from '../domain/deal-view.js';
import { formatDateTime, type MessageKey } from '../i18n/index.js';
import { LinkedText } from './linked-text.js';
import { useLang, useT } from './use-t.js';

/** Whose stages an event's arrow names: the deal's, or its contract's or a milestone's. */
const stagesOf = (action: string) => (action.startsWith('contract.') ? 'contract' : action.startsWith('milestone.') ? 'milestone' : 'deal');

const kb = (bytes: number) => `${new Intl.NumberFormat('vi-VN').format(Math.max(1, Math.round(bytes / 1024)))} KB`;

/** Everything that happened on the deal, transitions and messages in one list: the same for both sides and curators. */
export function DealTimeline({ entries, dealId }: { entries: TimelineEntry[]; dealId: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('deal.timeline')}</h2>
      <ol className="history deal-timeline">
        {entries.map((e, i) => {
          // A person of a side not yet named to the reader shows as that side.
          const who = [e.by, e.side === 'system' && e.by === null ? null : t(`deal.side.${e.side}` as MessageKey)].filter(Boolean).join(', ');
          return (
            <li key={i} className={`timeline-${e.type}`}>
              <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>{' '}
              {e.type === 'event' ? (
                <>
                  <strong>{t(`deal.history.${e.action}` as MessageKey)}</strong>
                  {e.termsVersion !== null ? <> ({t('deal.history.termsVersion', { version: e.termsVersion })})</> : null}
                  {e.to && e.to !== e.from ? <> → {t(`${stagesOf(e.action)}.stage.${e.to}` as MessageKey)}</> : null}
                  {who ? <> · {who}</> : null}
                  {e.declineReason ? <p>{t('deal.declinedFor')}: {t(`deal.declineReason.${e.declineReason}` as MessageKey)}</p> : null}
                  {e.reason ? <blockquote>{e.reason}</blockquote> : null}
                </>
              ) : (
                <>
                  <strong>{t('deal.history.message')}</strong> · {who}
                  <blockquote className="pre"><LinkedText text={e.body} /></blockquote>
                  {e.files.length ? (
                    <ul className="attachments" aria-label={t('deal.message.files')}>
                      {e.files.map((f) => (
                        <li key={f.id}>
                          <a href={`/deals/${dealId}/files/${f.id}`} download>{f.filename}</a> <span className="hint">{kb(f.size)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
