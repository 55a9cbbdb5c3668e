import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adHocEventBooking, attendanceOf, bumpHeadcount, emptyHeadcount, HEADCOUNT_FIELDS, type Headcount } from './headcount';
import { computeReport } from '../reports/figures';
import { monthOf } from '../reports/period';

describe('bumpHeadcount', () => {
  it('counts one click per person and sets actual attendance', () => {
    let h: Headcount = emptyHeadcount();
    for (const f of ['adults', 'adults', 'children'] as const) h = bumpHeadcount(h, f, 1).headcount;
    expect(h).toEqual({ adults: 2, children: 1, residents: 0, guests: 0 });
    expect(bumpHeadcount(h, 'residents', 1)).toEqual({ headcount: { ...h, residents: 1 }, actualAttendance: 3 });
  });
  it('never goes below zero and fills a missing headcount', () => {
    expect(bumpHeadcount(undefined, 'guests', -1).headcount.guests).toBe(0);
  });
  it('any click sequence gives counts equal to the clamped running sums', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...HEADCOUNT_FIELDS), fc.constantFrom(1, -1)), { maxLength: 200 }), (clicks) => {
        let h = emptyHeadcount();
        const expected = emptyHeadcount();
        let attendance = 0;
        for (const [f, d] of clicks) {
          const r = bumpHeadcount(h, f, d);
          h = r.headcount;
          attendance = r.actualAttendance;
          expected[f] = Math.max(0, expected[f] + d);
        }
        expect(h).toEqual(expected);
        expect(attendance).toBe(clicks.length ? Math.max(expected.adults + expected.children, expected.residents + expected.guests) : 0);
        expect(attendanceOf(h)).toBe(attendance);
      }),
    );
  });
});

describe('adHocEventBooking', () => {
  it('books an event named on the spot from now for an hour; once held, the reports count it and its heads', () => {
    const b = adHocEventBooking('  Дворовый праздник ', 'hall', '2026-12-04T18:07');
    expect(b).toMatchObject({ roomId: 'hall', title: 'Дворовый праздник', start: '2026-12-04T18:05', end: '2026-12-04T19:05', status: 'confirmed', local: true });
    expect(adHocEventBooking(' ', 'hall', '2026-12-04T18:07')).toBeNull();
    expect(adHocEventBooking('x', '', '2026-12-04T18:07')).toBeNull();
    let counted = { ...b!, id: 'adhoc' };
    for (const f of ['adults', 'adults', 'children'] as const) counted = { ...counted, ...bumpHeadcount(counted.headcount, f, 1) };
    const input = {
      visits: [],
      bookings: [counted],
      rooms: [{ id: 'hall', name: 'Зал', sections: [], openingHours: null, bookable: true, archived: false, order: 0 }],
      groups: [],
      items: [],
      loans: [],
      settings: null,
      now: '2026-12-04T21:00',
    };
    const events = computeReport(input, monthOf('2026-12-04')).current.events;
    expect(events).toMatchObject({ held: 1, attendanceTotal: 3, attendanceCounted: 1 });
  });
});
