/**
 * The desk's one time module: local wall-clock dates and times, as every feature stores them.
 *
 * - `LocalDate` is "YYYY-MM-DD"; `LocalDateTime` is "YYYY-MM-DDTHH:mm", optionally ":ss" (shared/db/types.ts).
 * - A string is a local date(-time) only when it names a real moment: "2026-02-31T10:00", "2026-13-01T10:00" and
 *   "2026-01-01T25:00" are not. `isLocalDate` / `isLocalDateTime` say so, and every function below that reads a
 *   time refuses the same strings (throws `{ code: 'time.invalid' }`), so no feature can disagree with another.
 * - Arithmetic runs on a floating time line (whole minutes since 1970-01-01T00:00 as if it were UTC): a day always
 *   has 24 hours, no DST jump and no dependence on the machine's time zone. Seconds are kept by the checks and
 *   dropped by the arithmetic (a result is always "YYYY-MM-DDTHH:mm").
 * - The machine's clock enters only through `localNow` / `localToday` (dayjs, in the machine's time zone).
 */
import dayjs from 'dayjs';
import type { LocalDate, LocalDateTime } from '../db/types';

export type { LocalDate, LocalDateTime };

export const MINUTES_PER_DAY = 24 * 60;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** 28 … 31: the days of a month (1-based) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (integer arithmetic, any four-digit year). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Minutes on the floating time line, or NaN when `value` is not a real local date or date-time. */
function parse(value: string): number {
  const m = PATTERN.exec(value);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || Number(m[6] ?? 0) > 59) return Number.NaN;
  return daysFromCivil(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute;
}

function invalid(value: unknown): Error {
  return Object.assign(new Error(`time.invalid: ${String(value)}`), { code: 'time.invalid', value });
}

/** A real calendar date "YYYY-MM-DD". */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && value.length === 10 && !Number.isNaN(parse(value));
}

/** A real wall-clock time "YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss". */
export function isLocalDateTime(value: unknown): value is LocalDateTime {
  return typeof value === 'string' && (value.length === 16 || value.length === 19) && !Number.isNaN(parse(value));
}

/** Minutes since 1970-01-01T00:00 on the floating time line (a date counts as its midnight). Throws `time.invalid`. */
export function toMinutes(value: LocalDateTime | LocalDate): number {
  const minutes = parse(value);
  if (Number.isNaN(minutes)) throw invalid(value);
  return minutes;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The date of a day number (days since 1970-01-01). */
export function dateFromDayNumber(day: number): LocalDate {
  const [y, m, d] = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** "YYYY-MM-DDTHH:mm" of a minute on the floating time line. */
export function fromMinutes(minutes: number): LocalDateTime {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const inDay = minutes - day * MINUTES_PER_DAY;
  return `${dateFromDayNumber(day)}T${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}

/** Days since 1970-01-01 of the date of a local date or date-time. Throws `time.invalid`. */
export function dayNumber(value: LocalDate | LocalDateTime): number {
  return Math.floor(toMinutes(value) / MINUTES_PER_DAY);
}

/** The date part of a local date-time (a date stays itself). */
export function datePart(value: LocalDateTime | LocalDate): LocalDate {
  return value.slice(0, 10);
}

/** "HH:mm" of a local date-time. Throws `time.invalid`. */
export function timePart(value: LocalDateTime): string {
  return fromMinutes(toMinutes(value)).slice(11, 16);
}

export function addMinutes(value: LocalDateTime, minutes: number): LocalDateTime {
  return fromMinutes(toMinutes(value) + minutes);
}

/** `days` calendar days later (earlier when negative); a date gives a date, a date-time a date-time. */
export function addDays<T extends LocalDate | LocalDateTime>(value: T, days: number): T {
  const moved = fromMinutes(toMinutes(value) + days * MINUTES_PER_DAY);
  return (value.length === 10 ? moved.slice(0, 10) : moved) as T;
}

/** Whole calendar days from the date of `a` to the date of `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate | LocalDateTime, b: LocalDate | LocalDateTime): number {
  return dayNumber(b) - dayNumber(a);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(value: LocalDate | LocalDateTime): number {
  return (((dayNumber(value) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Orders local times of either length ("…T10:00" = "…T10:00:00") by their text, which sorts chronologically. */
export function compareTime(a: LocalDateTime, b: LocalDateTime): number {
  const ka = a.length === 16 ? `${a}:00` : a;
  const kb = b.length === 16 ? `${b}:00` : b;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function maxTime(a: LocalDateTime, b: LocalDateTime): LocalDateTime {
  return compareTime(a, b) >= 0 ? a : b;
}

/** Half-open ranges [aStart, aEnd) and [bStart, bEnd) share at least a moment. */
export function rangesOverlap(aStart: LocalDateTime, aEnd: LocalDateTime, bStart: LocalDateTime, bEnd: LocalDateTime): boolean {
  return compareTime(aStart, bEnd) < 0 && compareTime(bStart, aEnd) < 0;
}

/** The local wall-clock time of a moment (now by default), as the desk's clock shows it. */
export function localNow(at: Date | number = Date.now()): LocalDateTime {
  return dayjs(at).format('YYYY-MM-DDTHH:mm');
}

/** The local date of a moment (today by default). */
export function localToday(at: Date | number = Date.now()): LocalDate {
  return dayjs(at).format('YYYY-MM-DD');
}

/**
 * A stored time from before the schemas were strict, as a lax reader showed it: fields past their limit roll over
 * ("2026-02-31T10:00" → "2026-03-03T10:00", "…T25:00" → next day 01:00), seconds kept when there were some; a date
 * stays a date. '' when the text has no date(-time) shape at all. For migrations of old documents only.
 */
export function rollOver(value: string): string {
  const m = PATTERN.exec(value);
  if (!m) return '';
  const [year, month, day, hour = '0', minute = '0', second] = m.slice(1) as [string, string, string, string?, string?, string?];
  const months = Number(year) * 12 + Number(month) - 1;
  const y = Math.floor(months / 12);
  const first = daysFromCivil(y, months - y * 12 + 1, 1) * MINUTES_PER_DAY;
  const s = Number(second ?? 0);
  const minutes = first + (Number(day) - 1) * MINUTES_PER_DAY + Number(hour) * 60 + Number(minute) + Math.floor(s / 60);
  const text = fromMinutes(minutes);
  if (m[4] === undefined) return text.slice(0, 10);
  return second === undefined ? text : `${text}:${pad(s % 60)}`;
}
