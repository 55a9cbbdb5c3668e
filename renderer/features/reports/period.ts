import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { addDays } from '@shared/time';
import { customPeriod, periodDays, periodOf, previousPeriod, type Period } from '@shared/reports';

/** The period after `p` (the picker's "next" button): the inverse of previousPeriod. */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'custom') return customPeriod(addDays(p.to, 1), addDays(p.to, periodDays(p)));
  return periodOf(p.kind, addDays(p.to, 1));
}

export { previousPeriod };

/** "1–4 December 2026" in the user's language. */
export function dateRange(p: Period, locale: string): string {
  const d = (s: string) => new Date(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(d(p.from), d(p.to));
}

export function periodLabel(p: Period, t: TFunction<'reports'>): string {
  if (p.kind === 'month') return dayjs(p.from).format('MMMM YYYY');
  if (p.kind === 'quarter') return t('period.quarterLabel', { q: Math.floor((+p.from.slice(5, 7) - 1) / 3) + 1, year: p.from.slice(0, 4) });
  if (p.kind === 'year') return p.from.slice(0, 4);
  return t('period.range', { from: dayjs(p.from).format('D MMM YYYY'), to: dayjs(p.to).format('D MMM YYYY') });
}
