import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendanceOf, bumpHeadcount, emptyHeadcount, HEADCOUNT_FIELDS, type Headcount } from './headcount';

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
