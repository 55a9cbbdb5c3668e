import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONTROL_CHARS, escapeText, foldLine, publicEventsIcs } from './ics';
import { emptyBooking, type Occurrence } from './model';
import { occurrencesInRange, seriesFromBooking } from './recurrence';

/** A small RFC 5545 reader for the test: unfold, split name/params/value, unescape TEXT. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}
function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = null;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i).split(';')[0]!] = unescape(line.slice(i + 1));
    }
  }
  return out;
}
const octets = (s: string) => new TextEncoder().encode(s).length;

const occ = (over: Partial<Occurrence>): Occurrence => ({
  ...emptyBooking({ roomId: 'hall', title: 'Лекция', start: '2026-05-16T18:00', end: '2026-05-16T20:00', public: true, category: 'lecture', ...over }),
  id: over.id ?? 'b1',
  source: 'booking',
});
const options = { from: '2026-05-01', to: '2026-05-31', calendarName: 'Соседи', roomNames: { hall: 'Зал' }, address: 'ул. Ленина, 1', categoryNames: { lecture: 'Лекция' }, timeZone: 'Europe/Moscow', now: new Date('2026-04-30T10:00:00Z') };

describe('iCalendar export', () => {
  it('exports public, non-cancelled events of the range only, with the required lines', () => {
    const ics = publicEventsIcs(
      [
        occ({ id: 'b1', publicDescription: 'Про город; вход свободный,\nвсе приглашаются' }),
        occ({ id: 'private', public: false }),
        occ({ id: 'cancelled', status: 'cancelled' }),
        occ({ id: 'june', start: '2026-06-01T10:00', end: '2026-06-01T11:00' }),
        occ({ id: 'last-day', start: '2026-05-31T22:00', end: '2026-05-31T23:30', status: 'tentative' }),
      ],
      options,
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const list = events(ics);
    expect(list.map((e) => e.UID)).toEqual(['b1@sosedi-desk.local', 'last-day@sosedi-desk.local']);
    expect(list[0]).toMatchObject({
      DTSTAMP: '20260430T100000Z',
      DTSTART: '20260516T150000Z', // 18:00 in Moscow (UTC+3)
      DTEND: '20260516T170000Z',
      SUMMARY: 'Лекция',
      DESCRIPTION: 'Про город; вход свободный,\nвсе приглашаются',
      LOCATION: 'Зал, ул. Ленина, 1',
      CATEGORIES: 'Лекция',
      STATUS: 'CONFIRMED',
    });
    expect(list[1]!.STATUS).toBe('TENTATIVE');
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(ics.match(/BEGIN:VEVENT/g)!.length).toBe(ics.match(/END:VEVENT/g)!.length);
  });

  it('series occurrences get their own UID each', () => {
    const series = { ...seriesFromBooking(emptyBooking({ roomId: 'hall', title: 'Хор', public: true, start: '2026-05-05T18:00', end: '2026-05-05T19:00' }), { days: ['tu'], interval: 1, until: '', count: 3 }), id: 's1' };
    const list = events(publicEventsIcs(occurrencesInRange([], [series], '2026-05-01', '2026-06-01'), options));
    expect(list.map((e) => e.UID)).toEqual(['s1-2026-05-05T18-00@sosedi-desk.local', 's1-2026-05-12T18-00@sosedi-desk.local', 's1-2026-05-19T18-00@sosedi-desk.local']);
  });

  it('property: any text survives escaping + folding + unfolding, lines ≤ 75 octets, characters never split', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no half of a surrogate pair
        }
        const back = unescape(folded.replace(/\r\n /g, '').slice('DESCRIPTION:'.length));
        expect(back).toBe(text.replace(/\r\n|\r/g, '\n').replace(CONTROL_CHARS, ''));
      }),
      { numRuns: 300 },
    );
  });
});
