import { describePrice } from '../domain/money.js';
import { useT } from './use-t.js';

export function Price({ min, max, negotiable }: { min: number | null; max: number | null; negotiable: boolean }) {
  const t = useT();
  const label = describePrice({ min, max, negotiable });
  const text =
    label.kind === 'negotiable'
      ? t('listing.negotiable')
      : label.kind === 'from'
        ? t('listing.from', { amount: label.text })
        : label.kind === 'upTo'
          ? t('listing.upTo', { amount: label.text })
          : label.text;
  return (
    <span className="price">
      {text}
      {negotiable && label.kind !== 'negotiable' ? ` (${t('listing.negotiable').toLowerCase()})` : null}
    </span>
  );
}
