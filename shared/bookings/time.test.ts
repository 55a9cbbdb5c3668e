import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, atTime, daysBetween, eachDate, fromMinutes, toMinutes, weekdayOf } from './time';

describe('floating local time', () => {
  it('parses and formats local date-times without any time zone', () => {
    expect(fromMinutes(toMinutes('2026-03-29T02:30'))).toBe('2026-03-29T02:30');
    expect(fromMinutes(toMinutes('2026-10-25T02:30:00'))).toBe('2026-10-25T02:30');
    expect(toMinutes('2026-03-30') - toMinutes('2026-03-29')).toBe(1440);
    expect(() => toMinutes('tomorrow')).toThrow(/time.invalid/);
  });

  it('weekdays, days and dates', () => {
    expect(weekdayOf('2026-05-18')).toBe('mo');
    expect(weekdayOf('2026-05-17T23:59')).toBe('su');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(eachDate('2026-05-30', '2026-06-02')).toEqual(['2026-05-30', '2026-05-31', '2026-06-01', '2026-06-02']);
    expect(atTime('2026-05-18', '24:00')).toBe('2026-05-19T00:00');
  });

  it('property: minutes round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: toMinutes('2000-01-01'), max: toMinutes('2100-01-01') }), (m) => {
        expect(toMinutes(fromMinutes(m))).toBe(m);
      }),
    );
  });
});
