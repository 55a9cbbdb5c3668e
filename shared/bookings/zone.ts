/**
 * Wall-clock times of the centre ↔ instants. Bookings store local wall-clock strings ("2026-12-04T10:00");
 * an export read in another zone (a phone travelling, a city network's site) needs the instant, which depends on
 * the centre's IANA zone (Kemerovo and Tyumen are not on Moscow time). Uses only ECMAScript's Intl.
 */
import type { LocalDateTime } from '../db/types';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in minutes (Novokuznetsk: +420). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time in a zone. A time skipped by a spring-forward change is read with the offset
 * before the change (02:30 → 03:30 local); a repeated autumn hour gives its first occurrence.
 */
export function wallTimeToInstant(local: LocalDateTime, timeZone: string): Date {
  const [date, time = '00:00'] = local.split('T') as [string, string?];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const day = 86_400_000;
  // The offsets in force a day before and a day after cover both sides of any change near that time.
  const before = zoneOffsetMinutes(wall - day, timeZone);
  const candidates = [before, zoneOffsetMinutes(wall, timeZone), zoneOffsetMinutes(wall + day, timeZone)].map((o) => wall - o * 60_000);
  const exact = candidates.filter((c) => c + zoneOffsetMinutes(c, timeZone) * 60_000 === wall);
  return new Date(exact.length ? Math.min(...exact) : wall - before * 60_000);
}

/** Whether the runtime knows an IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
