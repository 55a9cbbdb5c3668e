/** Local wall-clock helpers for visits (see shared/db/types.ts: visits store "YYYY-MM-DDTHH:mm"). */
import dayjs from 'dayjs';
import type { LocalDate, LocalDateTime } from '../db/types';

export const LOCAL_DATE_TIME = 'YYYY-MM-DDTHH:mm';

export function toLocalDateTime(at: Date | number): LocalDateTime {
  return dayjs(at).format(LOCAL_DATE_TIME);
}

export function localDateOf(at: LocalDateTime): LocalDate {
  return at.slice(0, 10);
}

/** "YYYY-MM" of a local date-time: the month a visit counts in. */
export function monthOf(at: LocalDateTime): string {
  return at.slice(0, 7);
}

/** The local date `days` before the given moment's local date. */
export function daysBefore(now: Date | number, days: number): LocalDate {
  return dayjs(now).subtract(days, 'day').format('YYYY-MM-DD');
}

/** Whether a string is a real local date-time ("2026-02-30T10:00" is not). */
export function isLocalDateTime(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return false;
  const d = dayjs(value);
  return d.isValid() && d.format(value.length === 16 ? LOCAL_DATE_TIME : 'YYYY-MM-DDTHH:mm:ss') === value;
}

/**
 * How many days back "in the building now" looks: visitors signed in today, yesterday or the day before
 * and not signed out (someone forgotten last night still shows, flagged). Older open visits are stale:
 * the log shows them and a volunteer corrects them there.
 */
export const IN_BUILDING_DAYS = 2;

/** The earliest sign-in time the "in the building now" list (and sign-out at closing) looks at. */
export function inBuildingFrom(now: Date | number): LocalDateTime {
  return `${daysBefore(now, IN_BUILDING_DAYS)}T00:00`;
}

/** Whole local days between a sign-in and now's local date: 0 today, 1 yesterday … */
export function daysSince(at: LocalDateTime, now: Date | number): number {
  return dayjs(dayjs(now).format('YYYY-MM-DD')).diff(dayjs(localDateOf(at)), 'day');
}
