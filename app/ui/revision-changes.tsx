import type { ListingDraft } from '../domain/listing-input.js';
import type { MessageKey } from '../i18n/index.js';
import { useT } from './use-t.js';

const LABEL: Partial<Record<keyof ListingDraft, MessageKey>> = {
  title: 'listingForm.title',
  summary: 'listingForm.summary',
  description: 'listingForm.description',
};

const shown = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '—' : String(value));

/** What a revision changes, field by field: the published value beside the proposed one. */
export function RevisionChanges({ current, revised }: { current: ListingDraft; revised: ListingDraft }) {
  const t = useT();
  const changed = (Object.keys(revised) as (keyof ListingDraft)[]).filter((k) => shown(current[k]) !== shown(revised[k]));
  if (changed.length === 0) return <p>{t('revision.noChange')}</p>;
  return (
    <table className="revision-changes">
      <caption>{t('revision.changed')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('revision.field')}</th>
          <th scope="col">{t('revision.before')}</th>
          <th scope="col">{t('revision.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changed.map((k) => (
          <tr key={k}>
            <th scope="row">{LABEL[k] ? t(LABEL[k]) : k}</th>
            <td lang={current.language}>{shown(current[k])}</td>
            <td lang={revised.language}>{shown(revised[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
