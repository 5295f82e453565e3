import { Link } from '@remix-run/react';
import type { PublicOwner } from '../domain/listing.js';
import { provinceName } from '../domain/provinces.js';
import { useLang, useT } from './use-t.js';

/** Who posted a listing, or only their type and province when they chose anonymity. */
export function Owner({ owner, province }: { owner: PublicOwner; province: string }) {
  const t = useT();
  const lang = useLang();
  if (!owner.name || !owner.slug) {
    return (
      <span className="owner owner-anonymous">
        {t('listing.anonymous', { type: t(`org.type.${owner.type}`).toLowerCase(), province: provinceName(province, lang) })}
      </span>
    );
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
