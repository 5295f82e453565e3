import { Link } from '@remix-run/react';
import type { Region } from '../domain/anonymity.js';
import type { PublicOwner } from '../domain/listing.js';
import { provinceName } from '../domain/provinces.js';
import { useLang, useT } from './use-t.js';

/** The place of a listing as finely as the public may know it: province, else region, else nothing. */
export function usePlaceName(): (place: { province: string | null; region: Region | null }) => string | null {
  const t = useT();
  const lang = useLang();
  return (place) => (place.province ? provinceName(place.province, lang) : place.region ? t(`region.${place.region}`) : null);
}

/**
 * Who posted a listing; when they chose anonymity, only as much of their type and place as
 * does not single them out (docs/decisions/013-anonymity.md).
 */
export function Owner({ owner, province, region }: { owner: PublicOwner; province: string | null; region: Region | null }) {
  const t = useT();
  const placeName = usePlaceName();
  if (!owner.name || !owner.slug) {
    const place = placeName({ province, region });
    const type = owner.type ? t(`org.type.${owner.type}`).toLowerCase() : null;
    const text = type && place ? t('listing.anonymous', { type, province: place }) : type ? t('listing.anonymousType', { type }) : t('listing.anonymousOwner');
    return <span className="owner owner-anonymous">{text}</span>;
  }
  return (
    <span className="owner">
      <Link to={`/organisations/${owner.slug}`}>{owner.name}</Link>
      {owner.verified ? <VerifiedBadge /> : null}
    </span>
  );
}

export function VerifiedBadge() {
  const t = useT();
  return (
    <span className="badge badge-verified" title={t('listing.verified')}>
      ✓ {t('listing.verified')}
    </span>
  );
}
