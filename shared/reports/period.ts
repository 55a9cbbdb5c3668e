import type { LocalDate, LocalDateTime } from '../db/types';
import { addDays, dayNumber, daysInMonth } from '../time';

/**
 * Report periods. Dates are local calendar dates, both ends inclusive.
 * A period covers the wall-clock instants `from T00:00` ≤ t < `(to + 1 day) T00:00`,
 * so a LocalDateTime can be tested with two string comparisons (see `inRange`).
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  from: LocalDate;
  to: LocalDate;
}

/** Half-open wall-clock range [start, end) in the sortable `YYYY-MM-DDTHH:mm` form. */
export interface TimeRange {
  start: LocalDateTime;
  end: LocalDateTime;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', from: `${pad(year, 4)}-${pad(month)}-01`, to: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}` };
}

/** The calendar month containing `date`. */
export function monthOf(date: LocalDate): Period {
  return monthPeriod(+date.slice(0, 4), +date.slice(5, 7));
}

/** The calendar quarter containing `date`. */
export function quarterOf(date: LocalDate): Period {
  const year = +date.slice(0, 4);
  const first = Math.floor((+date.slice(5, 7) - 1) / 3) * 3 + 1;
  return {
    kind: 'quarter',
    from: `${pad(year, 4)}-${pad(first)}-01`,
    to: `${pad(year, 4)}-${pad(first + 2)}-${pad(daysInMonth(year, first + 2))}`,
  };
}

export function yearOf(date: LocalDate): Period {
  const y = date.slice(0, 4);
  return { kind: 'year', from: `${y}-01-01`, to: `${y}-12-31` };
}

/** A custom period; the ends are swapped when given in reverse. */
export function customPeriod(from: LocalDate, to: LocalDate): Period {
  return from <= to ? { kind: 'custom', from, to } : { kind: 'custom', from: to, to: from };
}

export function periodOf(kind: Exclude<PeriodKind, 'custom'>, date: LocalDate): Period {
  return kind === 'month' ? monthOf(date) : kind === 'quarter' ? quarterOf(date) : yearOf(date);
}

export function periodDays(p: Period): number {
  return dayNumber(p.to) - dayNumber(p.from) + 1;
}

/**
 * The period just before `p`, of the same length: the previous calendar month / quarter / year
 * for those kinds (so March compares with February), and for a custom period the same number of
 * days ending the day before it starts.
 */
export function previousPeriod(p: Period): Period {
  const dayBefore = addDays(p.from, -1);
  if (p.kind === 'month') return monthOf(dayBefore);
  if (p.kind === 'quarter') return quarterOf(dayBefore);
  if (p.kind === 'year') return yearOf(dayBefore);
  return { kind: 'custom', from: addDays(p.from, -periodDays(p)), to: dayBefore };
}

export function periodRange(p: Period): TimeRange {
  return { start: `${p.from}T00:00`, end: `${addDays(p.to, 1)}T00:00` };
}

/** True when the wall-clock time `t` falls in [range.start, range.end). Seconds, if present, sort correctly. */
export function inRange(t: string, range: TimeRange): boolean {
  return t >= range.start && t < range.end;
}

/** How a report's period is compared: the whole previous period, or the same days of it while the period runs. */
export interface PeriodComparison {
  /** The figures' period: the period picked, or, while it is still running, its days up to today. */
  current: Period;
  previous: Period;
  basis: 'whole' | 'sameDays';
}

/**
 * Like with like: a period that is over compares with the previous period of the same kind (November with
 * October); a period still running on `today` compares its days so far with the same days of the previous one
 * (1–4 December with 1–4 November), never four days with a whole month.
 */
export function comparisonFor(p: Period, today: LocalDate): PeriodComparison {
  const prev = previousPeriod(p);
  if (today < p.from || today >= p.to) return { current: p, previous: prev, basis: 'whole' };
  const elapsed = dayNumber(today) - dayNumber(p.from);
  const prevTo = dayNumber(prev.from) + elapsed <= dayNumber(prev.to) ? addDays(prev.from, elapsed) : prev.to;
  return { current: { kind: p.kind, from: p.from, to: today }, previous: { kind: 'custom', from: prev.from, to: prevTo }, basis: 'sameDays' };
}

/** The period a report opens on: the last complete month (compared with the month before it). */
export function defaultReportPeriod(today: LocalDate): Period {
  return monthOf(addDays(monthOf(today).from, -1));
}
