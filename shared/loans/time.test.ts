import { describe, expect, it } from 'vitest';
import { addDays, calendarDaysBetween, compareTime, isLocalDateTime, localNow, rangesOverlap } from './time';

describe('local wall-clock arithmetic', () => {
  it('adds days across month ends and leap years', () => {
    expect(addDays('2026-01-31T18:00', 1)).toBe('2026-02-01T18:00');
    expect(addDays('2028-02-28T10:00', 1)).toBe('2028-02-29T10:00');
    expect(addDays('2026-12-31T23:30', 1)).toBe('2027-01-01T23:30');
  });
  it('counts calendar days whatever the hour', () => {
    expect(calendarDaysBetween('2026-01-31T23:59', '2026-03-01T00:01')).toBe(29);
    expect(calendarDaysBetween('2028-01-31T10:00', '2028-03-01T10:00')).toBe(30);
    expect(calendarDaysBetween('2026-03-28T10:00', '2026-03-30T10:00')).toBe(2); // a DST weekend in Europe
  });
  it('compares with and without seconds and validates real dates', () => {
    expect(compareTime('2026-01-01T10:00', '2026-01-01T10:00:00')).toBe(0);
    expect(compareTime('2026-01-01T10:00', '2026-01-01T10:00:01')).toBe(-1);
    expect(isLocalDateTime('2026-02-30T10:00')).toBe(false);
    expect(isLocalDateTime('2026-02-28T10:00')).toBe(true);
    expect(isLocalDateTime('tomorrow')).toBe(false);
    expect(localNow(new Date(2026, 0, 5, 9, 7))).toBe('2026-01-05T09:07');
  });
  it('treats ranges as half-open', () => {
    expect(rangesOverlap('2026-01-01T10:00', '2026-01-01T12:00', '2026-01-01T12:00', '2026-01-01T13:00')).toBe(false);
    expect(rangesOverlap('2026-01-01T10:00', '2026-01-01T12:01', '2026-01-01T12:00', '2026-01-01T13:00')).toBe(true);
  });
});
