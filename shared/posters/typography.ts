/**
 * Typography for printed text in Russian and English: quotes, non-breaking spaces, dashes,
 * dates and times. Pure functions; dates use Intl (full ICU in Node and Chromium), so the
 * day and month names come from the locale, not from code.
 */

export type PosterLang = 'ru' | 'en';

export const NBSP = '\u00A0';
const NB = NBSP;

/** Short Russian words that must not end a line (prepositions, conjunctions, particles). */
const RU_SHORT = [
  'в', 'во', 'к', 'ко', 'с', 'со', 'и', 'а', 'о', 'об', 'обо', 'у', 'я', 'на', 'по', 'за', 'до', 'от', 'из', 'изо',
  'не', 'ни', 'но', 'да', 'же', 'ли', 'бы', 'для', 'без', 'над', 'под', 'при', 'про', 'или', 'что', 'как',
];
const EN_SHORT = ['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'and', 'or', 'with', 'from', 'i', '&'];

const SHORT_WORD_RE: Record<PosterLang, RegExp> = {
  ru: new RegExp(`(^|[\\s(«„"—–-])(${RU_SHORT.join('|')}) (?=\\S)`, 'giu'),
  en: new RegExp(`(^|[\\s(“‘"—–-])(${EN_SHORT.join('|')}) (?=\\S)`, 'giu'),
};

const QUOTES: Record<PosterLang, [string, string, string, string]> = {
  ru: ['«', '»', '„', '“'],
  en: ['“', '”', '‘', '’'],
};

/** Straight double quotes → typographic ones, nested level alternates. */
function quotes(text: string, lang: PosterLang): string {
  const [open1, close1, open2, close2] = QUOTES[lang];
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '"') {
      out += c;
      continue;
    }
    const prev = i === 0 ? ' ' : text[i - 1]!;
    const opening = /[\s([{—–\-/]/u.test(prev) || prev === open1 || prev === open2 || (depth === 0 && i === 0);
    if (opening || depth === 0) {
      out += depth === 0 ? open1 : open2;
      depth++;
    } else {
      out += depth === 1 ? close1 : close2;
      depth--;
    }
  }
  return out;
}

/**
 * Applies the language's typography to a line of plain text (no HTML). Idempotent.
 *  - "quotes" → «…» („…“ inside) in Russian, “…” (‘…’ inside) in English; apostrophes → ’
 *  - a spaced hyphen or dash → em dash with a non-breaking space before (ru); spaced en dash (en)
 *  - number ranges 10-12, 18:00-20:00 → en dash, no spaces
 *  - non-breaking space after short words, between a number and the next word or unit
 *    (10 км, 5 ₽, 3 занятия), after № and §, inside initials (А. С. Пушкин)
 *  - ... → …, repeated spaces collapsed
 */
export function typograph(text: string, lang: PosterLang): string {
  let t = text.replace(/[ \t\u00A0]+/g, ' ').trim();
  t = t.replace(/\.\.\./g, '…');
  t = t.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
  t = quotes(t, lang);
  // Ranges of numbers and times: 10-12, 18:00 - 20:00 → en dash without spaces.
  t = t.replace(/(\d(?::\d\d)?) ?[-–—] ?(?=\d)/g, '$1–');
  // Spaced dashes between words.
  t = lang === 'ru' ? t.replace(/ (?:-{1,2}|–|—) /g, `${NB}— `) : t.replace(/ (?:-{1,2}|–|—) /g, `${NB}– `);
  // Numbering signs and initials.
  t = t.replace(/([№§]) ?(?=\d)/g, `$1${NB}`);
  t = t.replace(/\b(No\.) (?=\d)/g, `$1${NB}`);
  t = t.replace(/(?<=^|[\s(])(\p{Lu}\.) (?=\p{Lu})/gu, `$1${NB}`);
  // Number followed by a word, unit or currency sign.
  t = t.replace(/(\d) (?=[\p{L}%₽$€°])/gu, `$1${NB}`);
  // Thousands groups: 10 000.
  t = t.replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NB}`);
  // Short words stick to the next one (run twice: "и в доме").
  const re = SHORT_WORD_RE[lang];
  t = t.replace(re, `$1$2${NB}`).replace(re, `$1$2${NB}`);
  return t;
}

const LOCALE: Record<PosterLang, string> = { ru: 'ru-RU', en: 'en-GB' };

/** 'YYYY-MM-DD' (or a local date-time) → a Date at UTC midnight, formatted in UTC: independent of the machine's zone. */
function utcDate(localDate: string): Date {
  const [y, m, d] = localDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

function part(date: Date, lang: PosterLang, options: Intl.DateTimeFormatOptions, type: Intl.DateTimeFormatPartTypes): string {
  const fmt = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: 'UTC' });
  return fmt.formatToParts(date).find((p) => p.type === type)?.value ?? '';
}

/** The month name as it reads after a day number: "ноября" / "November". */
export function monthAfterDay(localDate: string, lang: PosterLang): string {
  return part(utcDate(localDate), lang, { day: 'numeric', month: 'long' }, 'month');
}

export function weekdayName(localDate: string, lang: PosterLang, width: 'short' | 'long'): string {
  return part(utcDate(localDate), lang, { weekday: width }, 'weekday').replace(/\.$/, '');
}

/** "24 ноября" / "24 November" (non-breaking). */
export function formatDayMonth(localDate: string, lang: PosterLang): string {
  return `${Number(localDate.slice(8, 10))}${NB}${monthAfterDay(localDate, lang)}`;
}

/**
 * A day label. short: "пн 24 ноября" / "Mon 24 November"; long: "Понедельник, 24 ноября" / "Monday 24 November".
 */
export function formatDay(localDate: string, lang: PosterLang, width: 'short' | 'long' = 'short'): string {
  const wd = weekdayName(localDate, lang, width);
  if (width === 'short') return `${wd} ${formatDayMonth(localDate, lang)}`;
  const cap = wd.charAt(0).toLocaleUpperCase(LOCALE[lang]) + wd.slice(1);
  return lang === 'ru' ? `${cap}, ${formatDayMonth(localDate, lang)}` : `${cap} ${formatDayMonth(localDate, lang)}`;
}

/** "24–30 ноября", "29 декабря – 4 января 2027" (the year is added when the range crosses one). */
export function formatDateRange(from: string, to: string, lang: PosterLang): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const sameMonth = sameYear && from.slice(0, 7) === to.slice(0, 7);
  const dFrom = Number(from.slice(8, 10));
  if (sameMonth) return `${dFrom}–${formatDayMonth(to, lang)}`;
  const year = sameYear ? '' : `${NB}${to.slice(0, 4)}`;
  const fromYear = sameYear ? '' : `${NB}${from.slice(0, 4)}`;
  return `${formatDayMonth(from, lang)}${fromYear}${NB}– ${formatDayMonth(to, lang)}${year}`;
}

/** 24-hour time of a local date-time "YYYY-MM-DDTHH:mm": "18:00" (both languages). */
export function formatTime(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

/** "18:00–20:00" with an en dash. */
export function formatTimeRange(start: string, end: string): string {
  return `${formatTime(start)}–${formatTime(end)}`;
}
