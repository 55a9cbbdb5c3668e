/**
 * Date labels of the calendar's toolbar and agenda in the locale's own formats (Intl), not react-big-calendar's
 * fixed patterns: "7–13 December 2026" / "7–13 декабря 2026 г.", never "December 07 – 13" or "08/12/2026 – 07/01/2027".
 */
type Range = { start: Date; end: Date };

const cache = new Map<string, Intl.DateTimeFormat>();
function intl(culture: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${culture ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(culture || 'ru', options)));
  return f;
}

const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** The week in the toolbar: "7–13 December 2026", "28 December 2026 – 3 January 2027". */
export function weekRangeLabel({ start, end }: Range, culture?: string): string {
  return intl(culture, DAY_MONTH_YEAR).formatRange(start, end);
}

/** The agenda's period in the toolbar: its first and last day, both ends included. */
export function agendaRangeLabel({ start, end }: Range, culture?: string): string {
  return intl(culture, DAY_MONTH_YEAR).formatRange(start, end);
}

/** A day of the agenda's list: "Mon, 7 Dec" / "пн, 7 дек.". */
export function agendaDayLabel(date: Date, culture?: string): string {
  return intl(culture, { weekday: 'short', day: 'numeric', month: 'short' }).format(date);
}

/** A day column of the week view: "Mon 7" / "пн, 7". */
export function weekDayLabel(date: Date, culture?: string): string {
  return intl(culture, { weekday: 'short', day: 'numeric' }).format(date);
}
