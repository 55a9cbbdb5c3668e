/**
 * Bookings' own time helpers on top of the desk's one time module (`shared/time`): weekdays for opening
 * hours, "HH:mm" clocks, floating Dates for rrule, date ranges.
 */
import type { LocalDate, LocalDateTime } from '../db/types';
import { WEEKDAYS, type Weekday } from '../db/schemas/settings';
import { addDays, daysBetween, fromMinutes, toMinutes, weekdayIndex } from '../time';

/** A Date whose UTC fields are the local wall-clock fields (for rrule). */
export function toFloatingDate(value: LocalDateTime | LocalDate): Date {
  return new Date(toMinutes(value) * 60000);
}

export function fromFloatingDate(date: Date): LocalDateTime {
  return fromMinutes(Math.floor(date.getTime() / 60000));
}

/** RFC 5545 weekday code ('mo' … 'su') of a local date. */
export function weekdayOf(value: LocalDate | LocalDateTime): Weekday {
  return WEEKDAYS[weekdayIndex(value)]!;
}

/** "HH:mm" → minutes after midnight; "24:00" = 1440. */
export function clockToMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw Object.assign(new Error(`time.invalid: ${hhmm}`), { code: 'time.invalid', value: hhmm });
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Joins a date and "HH:mm" into a local date-time. */
export function atTime(date: LocalDate, hhmm: string): LocalDateTime {
  return fromMinutes(toMinutes(date) + clockToMinutes(hhmm));
}

/** Every date from `from` to `to` inclusive, at most `limit` days. */
export function eachDate(from: LocalDate, to: LocalDate, limit = 3660): LocalDate[] {
  const out: LocalDate[] = [];
  const n = Math.min(daysBetween(from, to), limit - 1);
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

/** Half-open intervals [aStart, aEnd) and [bStart, bEnd) share at least one minute. */
export function intervalsOverlap(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}
