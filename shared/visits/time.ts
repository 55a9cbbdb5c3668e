/** Local wall-clock helpers for visits (see shared/db/types.ts: visits store "YYYY-MM-DDTHH:mm"). */
import type { LocalDate, LocalDateTime } from '../db/types';
import { addDays, datePart, daysBetween, localToday } from '../time';

/** The local date `days` before the given moment's local date. */
export function daysBefore(now: Date | number, days: number): LocalDate {
  return addDays(localToday(now), -days);
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
  return daysBetween(datePart(at), localToday(now));
}
