import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, compareTime, dateFromDayNumber, dayNumber, daysBetween, fromMinutes, isLocalDate, isLocalDateTime, localNow,
  localToday, rangesOverlap, timePart, toMinutes, weekdayIndex,
} from './index';

describe('local wall-clock arithmetic', () => {
  it('parses and formats local date-times without any time zone', () => {
    expect(fromMinutes(toMinutes('2026-03-29T02:30'))).toBe('2026-03-29T02:30');
    expect(fromMinutes(toMinutes('2026-10-25T02:30:00'))).toBe('2026-10-25T02:30');
    expect(toMinutes('2026-03-30') - toMinutes('2026-03-29')).toBe(1440);
    expect(toMinutes('1970-01-01T00:01')).toBe(1);
    expect(fromMinutes(-1)).toBe('1969-12-31T23:59');
    expect(timePart('2026-05-18T07:05:59')).toBe('07:05');
    expect(() => toMinutes('tomorrow')).toThrow(/time.invalid/);
  });
  it('adds days across month ends and leap years, keeping the shape', () => {
    expect(addDays('2026-01-31T18:00', 1)).toBe('2026-02-01T18:00');
    expect(addDays('2028-02-28T10:00', 1)).toBe('2028-02-29T10:00');
    expect(addDays('2026-12-31T23:30', 1)).toBe('2027-01-01T23:30');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('counts calendar days whatever the hour', () => {
    expect(daysBetween('2026-01-31T23:59', '2026-03-01T00:01')).toBe(29);
    expect(daysBetween('2028-01-31T10:00', '2028-03-01T10:00')).toBe(30);
    expect(daysBetween('2026-03-28T10:00', '2026-03-30T10:00')).toBe(2); // a DST weekend in Europe
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
  it('weekday index is Monday-first and agrees with the JS calendar', () => {
    for (let d = 1; d <= 31; d++) {
      const date = `2026-03-${String(d).padStart(2, '0')}`;
      expect(weekdayIndex(date)).toBe((new Date(2026, 2, d).getDay() + 6) % 7);
    }
    expect(weekdayIndex('1969-12-29')).toBe(0);
  });
  it('compares with and without seconds and validates real dates', () => {
    expect(compareTime('2026-01-01T10:00', '2026-01-01T10:00:00')).toBe(0);
    expect(compareTime('2026-01-01T10:00', '2026-01-01T10:00:01')).toBe(-1);
    expect(isLocalDateTime('2026-02-28T10:00')).toBe(true);
    expect(isLocalDateTime('2028-02-29T10:00:59')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30T10:00', '2026-02-31T10:00', '2026-13-01T10:00', '2026-01-01T25:00', '2026-01-01T24:00',
      '2026-01-01T10:60', '2026-01-01T10:00:60', '2027-02-29T10:00', '2026-00-10T10:00', '2026-01-00T10:00', 'tomorrow',
      '2026-01-01', '2026-01-01 10:00', '2026-1-01T10:00', '2026-01-01T10:00Z', ''])
      expect(isLocalDateTime(bad), bad).toBe(false);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-01-01T10:00', '2026-1-1', 'today']) expect(isLocalDate(bad), bad).toBe(false);
    expect(isLocalDateTime(undefined)).toBe(false);
  });
  it('reads the machine clock in its own zone', () => {
    expect(localNow(new Date(2026, 0, 5, 9, 7))).toBe('2026-01-05T09:07');
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
  it('treats ranges as half-open', () => {
    expect(rangesOverlap('2026-01-01T10:00', '2026-01-01T12:00', '2026-01-01T12:00', '2026-01-01T13:00')).toBe(false);
    expect(rangesOverlap('2026-01-01T10:00', '2026-01-01T12:01', '2026-01-01T12:00', '2026-01-01T13:00')).toBe(true);
  });
  it('property: minutes and day numbers round-trip, across four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: toMinutes('1800-01-01'), max: toMinutes('2400-01-01') }), (m) => {
        expect(toMinutes(fromMinutes(m))).toBe(m);
        expect(dayNumber(dateFromDayNumber(Math.floor(m / 1440)))).toBe(Math.floor(m / 1440));
      }),
    );
  });
  it('property: day numbers agree with the JS calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 150_000 }), (day) => {
        expect(dateFromDayNumber(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});
