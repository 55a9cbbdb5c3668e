import type { LocalDate, LocalDateTime } from '@shared/db';
import { isLocalDate, localNow, localToday } from '@shared/time';

/** Local wall-clock string → a JS Date in the browser's zone (what react-big-calendar draws). */
export function toJsDate(value: LocalDateTime | LocalDate): Date {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const hh = Number(value.slice(11, 13) || 0);
  const mm = Number(value.slice(14, 16) || 0);
  return new Date(y, m - 1, d, hh, mm);
}

export function fromJsDate(date: Date): LocalDateTime {
  return localNow(date);
}

export function jsDateToLocalDate(date: Date): LocalDate {
  return localToday(date);
}

export function todayLocal(): LocalDate {
  return localToday();
}

/** How a date is shown and typed: day first, dots in Russian, slashes in English (dayjs tokens). */
export function dateFormatFor(lang: string): string {
  return lang === 'en' ? 'DD/MM/YYYY' : 'DD.MM.YYYY';
}

/**
 * A date typed by hand → "YYYY-MM-DD", or null while it is incomplete or impossible.
 * Day first with any of . / - as separator ("5.3.2030", "05/03/2030"), or ISO "2030-03-05".
 * A four-digit year is required so that a half-typed year never jumps to a wrong century.
 */
export function parseTypedDate(text: string): LocalDate | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}
