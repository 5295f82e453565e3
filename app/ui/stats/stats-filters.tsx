// The statistics' filters: a GET form, so the view is its URL and works before JavaScript loads.
import { Form } from '@remix-run/react';
import { PROVINCES } from '../../domain/provinces.js';
import { STATS_PERIODS } from '../../domain/stats-query.js';
import { ORGANISATION_TYPES, SECTORS } from '../../domain/taxonomy.js';
import type { MessageKey } from '../../i18n/index.js';
import { problemText } from '../../i18n/problems.js';
import { useLang, useT } from '../use-t.js';

export function StatsFilters({ values, errors }: { values: Record<string, string>; errors: Partial<Record<string, string>> }) {
  const t = useT();
  const lang = useLang();
  const error = (name: string) =>
    errors[name] ? (
      <span className="field-error" id={`${name}-error`}>
        {problemText(t, lang, { code: errors[name] as never })}
      </span>
    ) : null;
  const described = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {});
  return (
    <Form method="get" className="filters" aria-label={t('stats.filters')}>
      <label>
        {t('stats.sector')}{' '}
        <select name="sector" defaultValue={values.sector ?? ''} {...described('sector')}>
          <option value="">{t('stats.all')}</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sector.${s}` as MessageKey)}
            </option>
          ))}
        </select>
        {error('sector')}
      </label>{' '}
      <label>
        {t('stats.province')}{' '}
        <select name="province" defaultValue={values.province ?? ''} {...described('province')}>
          <option value="">{t('stats.all')}</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={p.code}>
              {lang === 'vi' ? p.vi : p.en}
            </option>
          ))}
        </select>
        {error('province')}
      </label>{' '}
      <label>
        {t('stats.organisationType')}{' '}
        <select name="organisationType" defaultValue={values.organisationType ?? ''} {...described('organisationType')}>
          <option value="">{t('stats.all')}</option>
          {ORGANISATION_TYPES.filter((o) => o !== 'agency').map((o) => (
            <option key={o} value={o}>
              {t(`org.type.${o}` as MessageKey)}
            </option>
          ))}
        </select>
        {error('organisationType')}
      </label>{' '}
      <label>
        {t('stats.period')}{' '}
        <select name="period" defaultValue={values.period ?? 'month'} {...described('period')}>
          {STATS_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`stats.period.${p}` as MessageKey)}
            </option>
          ))}
        </select>
        {error('period')}
      </label>{' '}
      <label>
        {t('stats.from')} <input type="date" name="from" defaultValue={values.from ?? ''} {...described('from')} />
        {error('from')}
      </label>{' '}
      <label>
        {t('stats.to')} <input type="date" name="to" defaultValue={values.to ?? ''} {...described('to')} />
        {error('to')}
      </label>{' '}
      <button type="submit">{t('stats.apply')}</button>
    </Form>
  );
}
