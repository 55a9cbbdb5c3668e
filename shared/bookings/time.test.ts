import { describe, expect, it } from 'vitest';
import { atTime, eachDate, weekdayOf } from './time';

describe('bookings time helpers', () => {
  it('weekdays, days and dates', () => {
    expect(weekdayOf('2026-05-18')).toBe('mo');
    expect(weekdayOf('2026-05-17T23:59')).toBe('su');
    expect(eachDate('2026-05-30', '2026-06-02')).toEqual(['2026-05-30', '2026-05-31', '2026-06-01', '2026-06-02']);
    expect(atTime('2026-05-18', '24:00')).toBe('2026-05-19T00:00');
  });
});
