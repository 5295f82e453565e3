// How the statistics write shares and durations, the Vietnamese way (75,5 %; 1,5 ngày).
import { formatCount, type MessageKey } from '../../i18n/index.js';

const share = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatShare(n: number | null): string {
  return n === null ? '—' : share.format(n);
}

export function formatDays(days: number | null, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  return days === null ? '—' : t('stats.days', { days: decimal.format(days) });
}

export { formatCount };
