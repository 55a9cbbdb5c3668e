import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { publicEventsIcs } from './ics';
import { emptyBooking, type Occurrence } from './model';
import { wallTimeToInstant, zoneOffsetMinutes } from './zone';

/** The export read back by an independent parser (ical.js, Mozilla's): the instants, not just the text. */
const occ = (id: string, start: string, end: string): Occurrence => ({
  ...emptyBooking({ roomId: 'hall', title: `Событие ${id}`, start, end, public: true, category: 'lecture' }),
  id,
  source: 'booking',
});

function instants(ics: string): { uid: string; start: string; end: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return { uid: event.uid, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString() };
  });
}

const base = { calendarName: 'Соседи', roomNames: { hall: 'Зал' }, now: new Date('2026-11-30T10:00:00Z') };

describe('iCalendar export read by ical.js', () => {
  it('10:00 in Novokuznetsk is 03:00Z; the same wall time in Moscow and Tyumen gives other instants', () => {
    const events = [occ('a', '2026-12-04T10:00', '2026-12-04T12:30')];
    const range = { from: '2026-12-01', to: '2026-12-31' };
    expect(instants(publicEventsIcs(events, { ...base, ...range, timeZone: 'Asia/Novokuznetsk' }))[0]).toMatchObject({
      start: '2026-12-04T03:00:00.000Z',
      end: '2026-12-04T05:30:00.000Z',
    });
    expect(instants(publicEventsIcs(events, { ...base, ...range, timeZone: 'Europe/Moscow' }))[0]!.start).toBe('2026-12-04T07:00:00.000Z');
    expect(instants(publicEventsIcs(events, { ...base, ...range, timeZone: 'Asia/Yekaterinburg' }))[0]!.start).toBe('2026-12-04T05:00:00.000Z');
  });

  it('a zone with summer time: the offset of each date, and an event across the change keeps its length', () => {
    const events = [occ('winter', '2026-01-15T18:00', '2026-01-15T20:00'), occ('summer', '2026-07-15T18:00', '2026-07-15T20:00'), occ('night', '2026-03-29T01:00', '2026-03-29T04:00')];
    const list = instants(publicEventsIcs(events, { ...base, from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Berlin' }));
    const by = Object.fromEntries(list.map((e) => [e.uid.split('@')[0], e]));
    expect(by.winter!.start).toBe('2026-01-15T17:00:00.000Z');
    expect(by.summer!.start).toBe('2026-07-15T16:00:00.000Z');
    // 01:00 CET → 04:00 CEST on the night clocks go forward is two hours of real time.
    expect(by.night).toMatchObject({ start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T02:00:00.000Z' });
  });

  it('a skipped spring hour is read with the offset before the change; a repeated autumn hour is its first pass', () => {
    expect(wallTimeToInstant('2026-03-29T02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // = 03:30 CEST
    expect(wallTimeToInstant('2026-10-25T02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
  });

  it('wall time ↔ instant round-trips for every hour of a year in several zones', () => {
    for (const zone of ['Asia/Novokuznetsk', 'Asia/Yekaterinburg', 'Europe/Moscow', 'Europe/Berlin', 'America/New_York']) {
      for (let h = 0; h < 365 * 24; h += 11) {
        const instant = Date.UTC(2026, 0, 1) + h * 3_600_000;
        const wall = new Date(instant + zoneOffsetMinutes(instant, zone) * 60_000).toISOString().slice(0, 16);
        const back = wallTimeToInstant(wall, zone).getTime();
        // A repeated autumn hour maps to its first occurrence, so `back` is the instant or one hour before it.
        expect([instant, instant - 3_600_000], `${zone} ${wall}`).toContain(back);
      }
    }
  });
});
