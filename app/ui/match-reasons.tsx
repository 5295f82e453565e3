import type { MatchReason } from '../domain/match-score.js';
import { formatVnd } from '../domain/money.js';
import { provinceName } from '../domain/provinces.js';
import type { MessageKey } from '../i18n/index.js';
import { useLang, useT } from './use-t.js';

/** Why two listings fit, one plain sentence per reason. */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const t = useT();
  const lang = useLang();
  const text = (r: MatchReason): string => {
    switch (r.code) {
      case 'shared_terms':
        return t('match.reason.shared_terms', { terms: (lang === 'vi' ? r.params.vi : r.params.en).join(', ') });
      case 'rare_terms':
        return t('match.reason.rare_terms', { terms: r.params.terms.join(', ') });
      case 'same_sector':
        return t('match.reason.same_sector', { sectors: r.params.sectors.map((s) => t(`sector.${s}` as MessageKey)).join(', ') });
      case 'trl_fit':
      case 'trl_below':
        return t(`match.reason.${r.code}`, { offer: r.params.offer, demand: r.params.demand });
      case 'shared_modes':
        return t('match.reason.shared_modes', { modes: r.params.modes.map((m) => t(`mode.${m}` as MessageKey)).join(', ') });
      case 'price_within_budget':
      case 'price_above_budget':
        return t(`match.reason.${r.code}`, { price: formatVnd(r.params.price), budget: formatVnd(r.params.budget) });
      case 'same_province':
        return t('match.reason.same_province', { province: provinceName(r.params.province, lang) });
    }
  };
  return (
    <ul className="match-reasons">
      {reasons.map((r) => (
        <li key={r.code} className={r.code === 'trl_below' || r.code === 'price_above_budget' ? 'reason-against' : 'reason-for'}>
          {text(r)}
        </li>
      ))}
    </ul>
  );
}

export function MatchScore({ score }: { score: number }) {
  const t = useT();
  return (
    <span className={`match-score${score >= 70 ? ' strong' : ''}`} aria-label={t('match.scoreLabel', { score })}>
      {score}
    </span>
  );
}
