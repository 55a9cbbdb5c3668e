/**
 * iCalendar (RFC 5545) export of the centre's public events, for Yandex/Google calendars and the
 * centre's website. Times are UTC instants (`DTSTART:20261204T030000Z`): the bookings' wall-clock times are
 * read in the centre's IANA zone, so a calendar in another zone, or a phone travelling, shows the right hour.
 * (Floating times were shown at the reader's own clock; UTC needs no VTIMEZONE.) X-WR-TIMEZONE names the
 * centre's zone for the apps that display in it.
 * Text is escaped (\\ ; , newline) and lines are folded at 75 octets without splitting a character.
 */
import type { LocalDate, LocalDateTime } from '../db/types';
import type { Occurrence } from './model';
import { addDays, toMinutes } from '../time';
import { wallTimeToInstant } from './zone';

export interface IcsOptions {
  /** First and last date of the export (inclusive). */
  from: LocalDate;
  to: LocalDate;
  calendarName: string;
  /** Room id → name, for LOCATION. */
  roomNames: Readonly<Record<string, string>>;
  /** Centre address, appended to LOCATION. */
  address?: string;
  /** Category code → label in the export's language, for CATEGORIES. */
  categoryNames?: Readonly<Record<string, string>>;
  /** IANA zone of the centre, e.g. "Asia/Novokuznetsk": the bookings' wall-clock times are read in it. */
  timeZone: string;
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** Right-hand side of every UID. */
  uidDomain?: string;
}

// eslint-disable-next-line no-control-regex -- TEXT values may not carry control characters (RFC 5545 §3.3.11)
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL_CHARS, '');
}

const utf8Length = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds one content line into lines of at most 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const utc = (t: LocalDateTime, timeZone: string): string => stamp(wallTimeToInstant(t, timeZone));

/** Public, not cancelled occurrences overlapping the dates, as an .ics file (CRLF line ends). */
export function publicEventsIcs(occurrences: readonly Occurrence[], options: IcsOptions): string {
  const lo = toMinutes(options.from);
  const hi = toMinutes(addDays(options.to, 1));
  const domain = options.uidDomain ?? 'sosedi-desk.local';
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sosedi Desk//Sosedi Desk//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  lines.push(`X-WR-TIMEZONE:${escapeText(options.timeZone)}`);
  const dtstamp = stamp(options.now);
  for (const o of occurrences) {
    if (!o.public || o.status === 'cancelled') continue;
    if (!(toMinutes(o.start) < hi && toMinutes(o.end) > lo)) continue;
    const location = [options.roomNames[o.roomId], options.address].filter(Boolean).join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${o.id.replace(/[^A-Za-z0-9._-]/g, '-')}@${domain}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART:${utc(o.start, options.timeZone)}`,
      `DTEND:${utc(o.end, options.timeZone)}`,
      `SUMMARY:${escapeText(o.title)}`,
    );
    if (o.publicDescription) lines.push(`DESCRIPTION:${escapeText(o.publicDescription)}`);
    if (location) lines.push(`LOCATION:${escapeText(location)}`);
    const category = options.categoryNames?.[o.category];
    if (category) lines.push(`CATEGORIES:${escapeText(category)}`);
    lines.push(`STATUS:${o.status === 'tentative' ? 'TENTATIVE' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
