import dayjs from 'dayjs';
import type { LocalDate, LocalDateTime } from '@shared/db';

/** Local wall-clock string → a JS Date in the browser's zone (what react-big-calendar draws). */
export function toJsDate(value: LocalDateTime | LocalDate): Date {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const hh = Number(value.slice(11, 13) || 0);
  const mm = Number(value.slice(14, 16) || 0);
  return new Date(y, m - 1, d, hh, mm);
}

export function fromJsDate(date: Date): LocalDateTime {
  return dayjs(date).format('YYYY-MM-DDTHH:mm');
}

export function jsDateToLocalDate(date: Date): LocalDate {
  return dayjs(date).format('YYYY-MM-DD');
}

export function todayLocal(): LocalDate {
  return dayjs().format('YYYY-MM-DD');
}
