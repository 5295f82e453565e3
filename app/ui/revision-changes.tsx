import type { ListingDraft } from '../domain/listing-input.js';
import type { MessageKey } from '../i18n/index.js';
import { useT } from './use-t.js';

/** Every field an owner writes, labelled as the listing page labels it. */
const LABEL: Record<keyof ListingDraft, MessageKey> = {
  kind: 'filters.kind',
  title: 'listingForm.title',
  summary: 'listingForm.summary',
  description: 'listingForm.description',
  innovation: 'listing.innovation.offer',
  sectors: 'listing.sectors',
  keywords: 'listing.keywords',
  trl: 'listing.trlReached',
  ipStatus: 'listing.ip',
  transferModes: 'listing.modes',
  priceMin: 'listingForm.priceMin',
  priceMax: 'listingForm.priceMax',
  priceNegotiable: 'listing.negotiable',
  province: 'listing.province',
  language: 'listing.language',
  anonymous: 'review.anonymous',
  confidentialDetails: 'listingForm.confidential',
};

const shown = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '—' : String(value));

/**
 * What a new text changes, field by field: a waiting revision beside the published text, or a
 * resubmission beside the text last reviewed (with its own column headings).
 */
export function RevisionChanges({
  current,
  revised,
  caption = 'revision.changed',
  before = 'revision.before',
  after = 'revision.after',
  captionParams,
}: {
  current: ListingDraft;
  revised: ListingDraft;
  caption?: MessageKey;
  before?: MessageKey;
  after?: MessageKey;
  captionParams?: Record<string, string>;
}) {
  const t = useT();
  const changed = (Object.keys(LABEL) as (keyof ListingDraft)[]).filter((k) => shown(current[k]) !== shown(revised[k]));
  if (changed.length === 0) return <p>{t('revision.noChange')}</p>;
  const label = (k: keyof ListingDraft) => (k === 'innovation' && revised.kind === 'demand' ? t('listing.innovation.demand') : k === 'trl' && revised.kind === 'demand' ? t('listing.trlWanted') : t(LABEL[k]));
  return (
    <table className="revision-changes">
      <caption>{t(caption, captionParams)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('revision.field')}</th>
          <th scope="col">{t(before)}</th>
          <th scope="col">{t(after)}</th>
        </tr>
      </thead>
      <tbody>
        {changed.map((k) => (
          <tr key={k}>
            <th scope="row">{label(k)}</th>
            <td lang={current.language ?? undefined}>{shown(current[k])}</td>
            <td lang={revised.language ?? undefined}>{shown(revised[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
