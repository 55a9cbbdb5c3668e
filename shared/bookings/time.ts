/**
 * Local wall-clock arithmetic for bookings and series.
 *
 * Bookings store "YYYY-MM-DDTHH:mm" strings with no offset (see shared/db/types.ts). Here they are
 * turned into whole minutes on a floating time line (a UTC clock used as if it were local), so a day
 * always has 24 hours: no DST jumps, no dependence on the machine's time zone.
 */
import type { LocalDate, LocalDateTime } from '../db/types';
import { WEEKDAYS, type Weekday } from '../db/schemas/settings';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
export const MINUTES_PER_DAY = 24 * 60;

/** Minutes since 1970-01-01T00:00 on the floating time line. Throws `{ code: 'time.invalid' }`. */
export function toMinutes(value: LocalDateTime | LocalDate): number {
  const m = PATTERN.exec(value);
  if (!m) throw Object.assign(new Error(`time.invalid: ${value}`), { code: 'time.invalid', value });
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  return Math.floor(ms / 60000);
}

export function isLocalDateTime(value: unknown): value is LocalDateTime {
  return typeof value === 'string' && PATTERN.test(value) && value.length >= 16;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "YYYY-MM-DDTHH:mm" for a minute on the floating time line. */
export function fromMinutes(minutes: number): LocalDateTime {
  const d = new Date(minutes * 60000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A Date whose UTC fields are the local wall-clock fields (for rrule). */
export function toFloatingDate(value: LocalDateTime | LocalDate): Date {
  return new Date(toMinutes(value) * 60000);
}

export function fromFloatingDate(date: Date): LocalDateTime {
  return fromMinutes(Math.floor(date.getTime() / 60000));
}

/** The date part of a local date-time. */
export function datePart(value: LocalDateTime | LocalDate): LocalDate {
  return value.slice(0, 10);
}

/** "HH:mm" of a local date-time. */
export function timePart(value: LocalDateTime): string {
  return fromMinutes(toMinutes(value)).slice(11, 16);
}

export function addMinutes(value: LocalDateTime, minutes: number): LocalDateTime {
  return fromMinutes(toMinutes(value) + minutes);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return datePart(fromMinutes(toMinutes(date) + days * MINUTES_PER_DAY));
}

/** Whole days from `a` to `b` (dates). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toMinutes(datePart(b)) - toMinutes(datePart(a))) / MINUTES_PER_DAY);
}

/** RFC 5545 weekday code ('mo' … 'su') of a local date. */
export function weekdayOf(value: LocalDate | LocalDateTime): Weekday {
  const jsDay = new Date(toMinutes(datePart(value)) * 60000).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(jsDay + 6) % 7]!;
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
