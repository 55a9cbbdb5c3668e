import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SeriesDoc } from '../db/schemas/series';
import { WEEKDAYS } from '../db/schemas/settings';
import { emptyBooking, type BookingFields, type SeriesFields } from './model';
import {
  buildRRule,
  cancelOccurrence,
  detachOccurrence,
  editWholeSeries,
  endSeriesBefore,
  occurrencesInRange,
  parseRRule,
  seriesClashes,
  seriesEditClashes,
  seriesFromBooking,
  seriesOccurrenceStarts,
  seriesSpan,
  skipOccurrences,
  splitSeries,
  validateRepeatRule,
  type RepeatRule,
} from './recurrence';
import { addDays, addMinutes } from '../time';
import { weekdayOf } from './time';

const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: { desk: 'd', volunteer: 'v' } };

function club(rule: RepeatRule, over: Partial<BookingFields> = {}): SeriesDoc {
  const first = emptyBooking({ roomId: 'hall', title: 'Хор', category: 'club', start: '2026-03-03T18:00', end: '2026-03-03T20:00', ...over });
  return { ...seriesFromBooking(first, rule), id: 's1', ...stamp };
}
const tuesdays10: RepeatRule = { days: ['tu'], interval: 1, until: '', count: 10 };

/** Applies a partial series change the way the hook does. */
const apply = (s: SeriesDoc, patch: Partial<SeriesFields>): SeriesDoc => ({ ...s, ...patch });

describe('rrule building and parsing', () => {
  it('writes a weekly rule with floating UNTIL and reads it back', () => {
    const rule: RepeatRule = { days: ['we', 'mo'], interval: 2, until: '2027-05-31', count: 0 };
    const text = buildRRule(rule);
    expect(text).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=MO;UNTIL=20270531T235959');
    expect(parseRRule(text)).toEqual({ days: ['mo', 'we'], interval: 2, until: '2027-05-31', count: 0 });
  });

  it('round-trips any valid form', () => {
    fc.assert(
      fc.property(
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.oneof(fc.integer({ min: 1, max: 300 }).map((count) => ({ until: '', count })), fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => ({ until: d.toISOString().slice(0, 10), count: 0 }))),
        (days, interval, end) => {
          const rule = { days, interval, ...end };
          expect(parseRRule(buildRRule(rule))).toEqual(rule);
        },
      ),
    );
  });

  it('validates the form with codes', () => {
    expect(validateRepeatRule({ days: [], interval: 0, until: '', count: 0 })).toEqual(['series.no-days', 'series.bad-interval', 'series.no-end']);
    expect(validateRepeatRule({ days: ['mo'], interval: 1, until: '2026-01-01', count: 3 })).toContain('series.both-ends');
    expect(validateRepeatRule({ days: ['mo'], interval: 1, until: '2026-01-01', count: 0 }, '2026-02-01')).toEqual(['series.until-before-start']);
    expect(validateRepeatRule(tuesdays10, '2026-03-03')).toEqual([]);
  });
});

describe('expansion', () => {
  it('a range after a series ended (UNTIL, ended date, a Z instant) is empty, and around the end as the whole walk says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 21 }),
        fc.constantFrom('', 'Z'),
        fc.boolean(),
        (untilDays, fromDays, length, zone, ended) => {
          const until = addDays('2026-03-03', untilDays);
          const base = club({ days: ['tu', 'fr'], interval: 1, until, count: 0 });
          const s = ended
            ? { ...base, rrule: base.rrule.replace(/UNTIL=\d{8}T\d{6}/, 'UNTIL=20301231T235959'), endedOn: until }
            : { ...base, rrule: base.rrule.replace(/(UNTIL=\d{8}T\d{6})/, `$1${zone}`) };
          const from = addDays(until, fromDays - 30);
          const to = addDays(from, length);
          const all = seriesOccurrenceStarts(s, '2026-01-01', '2031-01-01');
          const inRange = all.filter((start) => addMinutes(start, s.durationMinutes) > `${from}T00:00` && start < `${to}T00:00`);
          expect(seriesOccurrenceStarts(s, from, to)).toEqual(inRange);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts, keeps the local time and day, every N weeks', () => {
    const s = club({ days: ['tu', 'th'], interval: 2, until: '', count: 6 });
    const starts = seriesOccurrenceStarts(s, '2026-01-01', '2027-01-01');
    expect(starts).toEqual(['2026-03-03T18:00', '2026-03-05T18:00', '2026-03-17T18:00', '2026-03-19T18:00', '2026-03-31T18:00', '2026-04-02T18:00']);
  });

  it('stops at UNTIL inclusive', () => {
    const s = club({ days: ['tu'], interval: 1, until: '2026-03-17', count: 0 });
    expect(seriesOccurrenceStarts(s, '2026-01-01', '2027-01-01')).toEqual(['2026-03-03T18:00', '2026-03-10T18:00', '2026-03-17T18:00']);
    expect(seriesSpan(s)).toEqual({ from: '2026-03-03', to: '2026-03-17' });
  });

  it('is DST-free: 18:00 stays 18:00 across the EU/US clock changes, whatever TZ the machine has', () => {
    const s = club({ days: ['su'], interval: 1, until: '2026-11-30', count: 0 }, { start: '2026-03-01T18:00', end: '2026-03-01T19:00' });
    const starts = seriesOccurrenceStarts(s, '2026-03-01', '2026-12-01');
    expect(starts.length).toBe(40);
    for (const st of starts) {
      expect(st.slice(11)).toBe('18:00');
      expect(weekdayOf(st)).toBe('su');
    }
  });

  it('only computes the asked range, including an occurrence that started before it', () => {
    const s = club(tuesdays10);
    expect(seriesOccurrenceStarts(s, '2026-03-10T19:00', '2026-03-10T19:30')).toEqual(['2026-03-10T18:00']);
    expect(seriesOccurrenceStarts(s, '2026-03-10T20:00', '2026-03-17T18:00')).toEqual([]);
    expect(occurrencesInRange([], [s], '2026-03-09', '2026-03-16').map((o) => o.start)).toEqual(['2026-03-10T18:00']);
  });

  it('property: every occurrence is on a chosen day, at the DTSTART time, inside the range and bounded by COUNT', () => {
    fc.assert(
      fc.property(
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 120 }),
        (days, interval, count, offset, span) => {
          const s = club({ days, interval, until: '', count });
          const from = addDays('2026-03-01', offset);
          const to = addDays(from, span);
          const starts = seriesOccurrenceStarts(s, from, to);
          const all = seriesOccurrenceStarts(s, '2026-01-01', '2040-01-01');
          expect(all.length).toBe(count);
          for (const st of starts) {
            expect(days).toContain(weekdayOf(st));
            expect(st.slice(11)).toBe('18:00');
            expect(st < `${to}T00:00`).toBe(true);
            expect(all).toContain(st);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: a range long after DTSTART gets exactly the occurrences a walk from DTSTART finds (open, until, ended, count)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('open', 'until', 'count', 'ended'),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 45 }),
        (days, interval, end, offset, span) => {
          const rule: RepeatRule = { days, interval, until: end === 'until' ? '2029-06-30' : '', count: end === 'count' ? 150 : 0 };
          const s: SeriesDoc = { ...club(rule), endedOn: end === 'ended' ? '2028-02-14' : '' };
          const from = addDays('2026-03-01', offset);
          const to = addDays(from, span);
          // the reference walks every occurrence from DTSTART (a range starting there is never shortened)
          const all = seriesOccurrenceStarts(s, '2026-03-03', to);
          const overlapping = all.filter((st) => addMinutes(st, 120) > `${from}T00:00` && st < `${to}T00:00`);
          expect(seriesOccurrenceStarts(s, from, to)).toEqual(overlapping);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('exceptions', () => {
  it('a cancelled occurrence is skipped, and shown as cancelled only when asked', () => {
    const s = club(tuesdays10);
    const cancelled = apply(s, { exceptions: cancelOccurrence(s, '2026-03-10T18:00', 'Анна', 'праздник') });
    const range = occurrencesInRange([], [cancelled], '2026-03-01', '2026-03-20');
    expect(range.map((o) => o.start)).toEqual(['2026-03-03T18:00', '2026-03-17T18:00']);
    const withCancelled = occurrencesInRange([], [cancelled], '2026-03-01', '2026-03-20', { includeCancelled: true });
    expect(withCancelled.map((o) => [o.start, o.status, o.cancelReason])).toEqual([
      ['2026-03-03T18:00', 'confirmed', ''],
      ['2026-03-10T18:00', 'cancelled', 'праздник'],
      ['2026-03-17T18:00', 'confirmed', ''],
    ]);
  });

  it('a moved occurrence is replaced by the stored booking, even when moved out of the range', () => {
    const s = club(tuesdays10);
    const { booking, exceptions } = detachOccurrence(s, '2026-03-10T18:00', { start: '2026-04-30T10:00', end: '2026-04-30T12:00' }, 'Анна');
    const moved = apply(s, { exceptions });
    expect(booking).toMatchObject({ seriesId: 's1', occurrenceStart: '2026-03-10T18:00', title: 'Хор', roomId: 'hall' });
    const stored = [{ ...booking, id: 'b-moved' }];
    expect(occurrencesInRange(stored, [moved], '2026-03-01', '2026-03-20').map((o) => o.start)).toEqual(['2026-03-03T18:00', '2026-03-17T18:00']);
    expect(occurrencesInRange(stored, [moved], '2026-04-30', '2026-05-01').map((o) => [o.id, o.source])).toEqual([['b-moved', 'booking']]);
    // even without the exception entry (e.g. the series doc synced later), the stored booking wins
    expect(occurrencesInRange(stored, [s], '2026-03-10', '2026-03-11')).toEqual([]);
  });

  it('skipping clashing dates of a new series', () => {
    const s = club(tuesdays10);
    const existing = occurrencesInRange([{ ...emptyBooking({ roomId: 'hall', title: 'Лекция', start: '2026-03-17T19:00', end: '2026-03-17T21:00', organiser: { kind: 'free', refId: '', name: 'Пётр', phone: '' } }), id: 'b1' }], [], '2026-03-01', '2026-06-01');
    const clashes = seriesClashes(s, existing);
    expect(clashes.map((c) => c.occurrenceStart)).toEqual(['2026-03-17T18:00']);
    expect(clashes[0]!.clashes[0]).toMatchObject({ what: 'Лекция', who: 'Пётр', start: '2026-03-17T19:00' });
    const skipped = { ...skipOccurrences(s, clashes.map((c) => c.occurrenceStart), 'Анна', 'clash'), id: 's1' };
    expect(seriesClashes(skipped, existing)).toEqual([]);
    expect(occurrencesInRange([], [skipped], '2026-03-01', '2026-06-01').length).toBe(9);
  });
});

describe('editing a series', () => {
  const cancelDate = '2026-03-10T18:00';
  const moveDate = '2026-03-24T18:00';

  function withTwoExceptions() {
    const s = club(tuesdays10);
    const afterCancel = apply(s, { exceptions: cancelOccurrence(s, cancelDate, 'Анна', 'болезнь') });
    const { booking, exceptions } = detachOccurrence(afterCancel, moveDate, { start: '2026-03-25T18:00', end: '2026-03-25T20:00' }, 'Анна');
    return { series: apply(afterCancel, { exceptions }), stored: [{ ...booking, id: 'moved-1' }] };
  }

  it('whole series edit KEEPS both exceptions made before (time, title and room change)', () => {
    const { series, stored } = withTwoExceptions();
    const edited = apply(series, editWholeSeries(series, { startTime: '19:00', durationMinutes: 90, template: { title: 'Хор «Соседи»', roomId: 'hall' } }));
    expect(edited.exceptions).toHaveLength(2);
    const range = occurrencesInRange(stored, [edited], '2026-03-01', '2026-04-01');
    expect(range.map((o) => [o.start, o.end, o.title])).toEqual([
      ['2026-03-03T19:00', '2026-03-03T20:30', 'Хор «Соседи»'],
      // 10 March stays cancelled
      ['2026-03-17T19:00', '2026-03-17T20:30', 'Хор «Соседи»'],
      // 24 March stays moved to the 25th, with its own fields
      ['2026-03-25T18:00', '2026-03-25T20:00', 'Хор'],
      ['2026-03-31T19:00', '2026-03-31T20:30', 'Хор «Соседи»'],
    ]);
  });

  it('whole series edit changing the weekday keeps the exceptions in the data and the moved booking in place', () => {
    const { series, stored } = withTwoExceptions();
    const edited = apply(series, editWholeSeries(series, { repeat: { days: ['we'], interval: 1, until: '', count: 10 } }));
    expect(edited.exceptions.map((e) => e.kind).sort()).toEqual(['cancelled', 'moved']);
    const range = occurrencesInRange(stored, [edited], '2026-03-01', '2026-04-01');
    expect(range.find((o) => o.id === 'moved-1')?.start).toBe('2026-03-25T18:00');
  });

  it('whole series edit moving occurrences onto the date of a moved occurrence of the same series is a clash', () => {
    // 24 March was moved to Wednesday 25 March 18:00; the club then moves to Wednesdays.
    const { series, stored } = withTwoExceptions();
    const edited = { ...series, ...editWholeSeries(series, { repeat: { days: ['we'], interval: 1, until: '', count: 10 } }) };
    const existing = occurrencesInRange(stored, [series], '2026-03-01', '2026-06-01');
    const clashes = seriesEditClashes(series, edited, existing);
    expect(clashes.map((c) => c.occurrenceStart)).toEqual(['2026-03-25T18:00']);
    expect(clashes[0]!.clashes[0]).toMatchObject({ what: 'Хор', start: '2026-03-25T18:00', other: { id: 'moved-1' } });
    // Same date but no overlap in time (moved to the morning, another room): the club would meet twice that day.
    const morning = [{ ...stored[0]!, roomId: 'kitchen', start: '2026-03-25T10:00', end: '2026-03-25T11:00' }];
    const sameDay = seriesEditClashes(series, edited, occurrencesInRange(morning, [series], '2026-03-01', '2026-06-01'));
    expect(sameDay.map((c) => [c.occurrenceStart, c.clashes[0]!.other.id, c.clashes[0]!.sameSeriesDay])).toEqual([['2026-03-25T18:00', 'moved-1', true]]);
  });

  it('whole series edits that do not move anything onto a moved occurrence are not clashes', () => {
    const { series, stored } = withTwoExceptions();
    const existing = occurrencesInRange(stored, [series], '2026-03-01', '2026-06-01');
    // New time and title on the same weekdays: the moved one (24 → 25 March) is its own occurrence.
    const retimed = { ...series, ...editWholeSeries(series, { startTime: '18:30', template: { title: 'Хор «Соседи»' } }) };
    expect(seriesEditClashes(series, retimed, existing)).toEqual([]);
    // A moved occurrence sitting on a date the series already met on before the edit stays allowed.
    const sameDate = [{ ...stored[0]!, start: '2026-03-31T10:00', end: '2026-03-31T11:00' }];
    expect(seriesEditClashes(series, retimed, occurrencesInRange(sameDate, [series], '2026-03-01', '2026-06-01'))).toEqual([]);
    // A cancelled moved occurrence does not count.
    const cancelled = [{ ...stored[0]!, status: 'cancelled' as const }];
    const toWed = { ...series, ...editWholeSeries(series, { repeat: { days: ['we'], interval: 1, until: '', count: 10 } }) };
    expect(seriesEditClashes(series, toWed, occurrencesInRange(cancelled, [series], '2026-03-01', '2026-06-01', { includeCancelled: true }))).toEqual([]);
  });

  it('this and following onto a moved occurrence of the same series (relinked to the new part) is a clash', () => {
    const { series, stored } = withTwoExceptions();
    const result = splitSeries(series, '2026-03-17T18:00', { repeat: { days: ['we'], interval: 1, until: '', count: 8 } }, 's2', stored);
    if (result.kind !== 'split') throw new Error('expected a split');
    const existing = occurrencesInRange(stored, [series], '2026-03-01', '2026-06-01');
    const clashes = seriesEditClashes(series, { ...result.newSeries, id: 's2' }, existing);
    expect(clashes.map((c) => [c.occurrenceStart, c.clashes.map((x) => x.other.id)])).toEqual([['2026-03-25T18:00', ['moved-1']]]);
  });

  it('this and following: old series ends the day before, new one carries the later exceptions and COUNT', () => {
    const { series, stored } = withTwoExceptions();
    const result = splitSeries(series, '2026-03-17T18:00', { startTime: '17:00' }, 's2', stored);
    if (result.kind !== 'split') throw new Error('expected a split');
    const old = apply(series, result.oldPatch);
    const next: SeriesDoc = { ...result.newSeries, id: 's2', ...stamp };
    expect(old.endedOn).toBe('2026-03-16');
    expect(old.exceptions.map((e) => e.occurrenceStart)).toEqual([cancelDate]);
    expect(next.exceptions.map((e) => e.occurrenceStart)).toEqual([moveDate]);
    expect(result.relink).toEqual([{ id: 'moved-1', patch: { seriesId: 's2' } }]);
    const relinked = stored.map((b) => ({ ...b, seriesId: 's2' }));
    const all = occurrencesInRange(relinked, [old, next], '2026-01-01', '2027-01-01');
    expect(all.map((o) => o.start)).toEqual([
      '2026-03-03T18:00',
      '2026-03-17T17:00',
      '2026-03-25T18:00',
      '2026-03-31T17:00',
      '2026-04-07T17:00',
      '2026-04-14T17:00',
      '2026-04-21T17:00',
      '2026-04-28T17:00',
      '2026-05-05T17:00',
    ]);
    // 10 occurrences in total as before: 2 old (one cancelled) + 8 new (one moved)
    expect(seriesOccurrenceStarts(old, '2026-01-01', '2027-01-01').length + seriesOccurrenceStarts(next, '2026-01-01', '2027-01-01').length).toBe(10);
  });

  it('this and following at the first occurrence is the whole series', () => {
    const { series, stored } = withTwoExceptions();
    const result = splitSeries(series, '2026-03-03T18:00', { template: { title: 'Новый' } }, 's2', stored);
    expect(result.kind).toBe('whole');
  });

  it('cancel this and following ends the series and cancels later stored occurrences', () => {
    const { series, stored } = withTwoExceptions();
    const { seriesPatch, cancelBookingIds } = endSeriesBefore(series, '2026-03-17T18:00', stored);
    expect(seriesPatch.endedOn).toBe('2026-03-16');
    expect(cancelBookingIds).toEqual(['moved-1']);
    expect(occurrencesInRange([], [apply(series, seriesPatch)], '2026-01-01', '2027-01-01').map((o) => o.start)).toEqual(['2026-03-03T18:00']);
    expect(endSeriesBefore(series, '2026-03-03T18:00', stored).seriesPatch).toEqual({ status: 'cancelled' });
  });

  it('property: whole-series edits never lose exceptions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }),
        fc.integer({ min: 6, max: 21 }),
        fc.integer({ min: 30, max: 180 }),
        (indices, hour, duration) => {
          let s = club(tuesdays10);
          const starts = seriesOccurrenceStarts(s, '2026-01-01', '2027-01-01');
          for (const i of indices) s = apply(s, { exceptions: cancelOccurrence(s, starts[i]!, 'x', '') });
          const edited = apply(s, editWholeSeries(s, { startTime: `${String(hour).padStart(2, '0')}:15`, durationMinutes: duration }));
          expect(edited.exceptions.length).toBe(indices.length);
          const visible = occurrencesInRange([], [edited], '2026-01-01', '2027-01-01');
          expect(visible.length).toBe(10 - indices.length);
          const cancelledDates = indices.map((i) => starts[i]!.slice(0, 10));
          for (const o of visible) expect(cancelledDates).not.toContain(o.start.slice(0, 10));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('occurrencesInRange', () => {
  it('property: a range split in two gives the same occurrences as the whole (overlapping ones in both)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        (days, offset, span, cut) => {
          const s = club({ days, interval: 1, until: '', count: 40 });
          const from = addDays('2026-03-01', offset);
          const to = addDays(from, span);
          const mid = `${addDays(from, Math.floor(span / 2))}T${String(Math.floor(cut / 60) % 24).padStart(2, '0')}:${String(cut % 60).padStart(2, '0')}`;
          const whole = occurrencesInRange([], [s], from, to).map((o) => o.id);
          const halves = new Set([...occurrencesInRange([], [s], from, mid), ...occurrencesInRange([], [s], mid, to)].map((o) => o.id));
          expect([...halves].sort()).toEqual([...whole].sort());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a busy year: a week of 40 weekly clubs and 3000 one-off bookings is computed quickly', () => {
    const series = Array.from({ length: 40 }, (_, i) => ({ ...club({ days: [WEEKDAYS[i % 7]!], interval: 1, until: '2026-12-31', count: 0 }), id: `s${i}` }));
    const bookings = Array.from({ length: 3000 }, (_, i) => {
      const day = addDays('2026-01-01', i % 365);
      return { ...emptyBooking({ roomId: 'hall', title: `b${i}`, start: `${day}T10:00`, end: `${day}T11:00` }), id: `b${i}` };
    });
    const t0 = performance.now();
    const week = occurrencesInRange(bookings, series, '2026-06-01', '2026-06-08');
    const ms = performance.now() - t0;
    expect(week.filter((o) => o.source === 'series').length).toBe(40);
    expect(week.filter((o) => o.source === 'booking').length).toBeGreaterThanOrEqual(56);
    console.info(`occurrencesInRange: a week of 40 series + 3000 bookings in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
  });
});
