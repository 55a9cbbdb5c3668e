import type { LocalDateTime } from '../db/types';

/**
 * Local wall-clock arithmetic on "YYYY-MM-DDTHH:mm[:ss]" strings, done in UTC so that
 * the machine's time zone and DST never shift a due date.
 */
const RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isLocalDateTime(s: string): boolean {
  const m = RE.exec(s);
  if (!m) return false;
  const ms = toUtcMs(s);
  return fromUtcMs(ms).slice(0, 16) === s.slice(0, 16);
}

function toUtcMs(s: LocalDateTime): number {
  const m = RE.exec(s);
  if (!m) throw new Error(`loans.badTime: ${s}`);
  const [, y, mo, d, h, mi, sec] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0));
}

function fromUtcMs(ms: number): LocalDateTime {
  return new Date(ms).toISOString().slice(0, 16);
}

/** Seconds-precision key for comparing local times of either length. */
export function timeKey(s: LocalDateTime): string {
  return s.length === 16 ? `${s}:00` : s;
}

export function compareTime(a: LocalDateTime, b: LocalDateTime): number {
  const ka = timeKey(a);
  const kb = timeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function maxTime(a: LocalDateTime, b: LocalDateTime): LocalDateTime {
  return compareTime(a, b) >= 0 ? a : b;
}

export function addDays(s: LocalDateTime, days: number): LocalDateTime {
  return fromUtcMs(toUtcMs(s) + days * 86_400_000);
}

export function addMinutes(s: LocalDateTime, minutes: number): LocalDateTime {
  return fromUtcMs(toUtcMs(s) + minutes * 60_000);
}

/** Whole calendar days from the date of `from` to the date of `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: LocalDateTime, to: LocalDateTime): number {
  const a = toUtcMs(`${from.slice(0, 10)}T00:00`);
  const b = toUtcMs(`${to.slice(0, 10)}T00:00`);
  return Math.round((b - a) / 86_400_000);
}

/** The local wall-clock time of a JS Date, as the desk's clock shows it. */
export function localNow(date: Date = new Date()): LocalDateTime {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** Half-open ranges [start, end) overlap. */
export function rangesOverlap(aStart: LocalDateTime, aEnd: LocalDateTime, bStart: LocalDateTime, bEnd: LocalDateTime): boolean {
  return compareTime(aStart, bEnd) < 0 && compareTime(bStart, aEnd) < 0;
}
