import { describe, expect, it } from 'vitest';
import type { WeekHours } from '../db/schemas/settings';
import { closedSince, closingTime } from './closing';

const hours: WeekHours = { mo: { open: '10:00', close: '21:00' }, tu: null, we: null, th: null, fr: null, sa: { open: '11:00', close: '18:00' }, su: null };

describe('closing time', () => {
  it('is today’s close from the opening hours (2026-12-07 is a Monday), none on a closed day', () => {
    expect(closingTime(hours, '2026-12-07T12:00')).toBe('2026-12-07T21:00');
    expect(closingTime(hours, '2026-12-12T09:00')).toBe('2026-12-12T18:00');
    expect(closingTime(hours, '2026-12-08T12:00')).toBeNull();
    expect(closingTime(undefined, '2026-12-08T12:00')).toBeNull();
  });
  it('passes once between two checks around it, not before and not again after', () => {
    expect(closedSince(hours, '2026-12-07T20:59', '2026-12-07T21:00')).toBe(true);
    expect(closedSince(hours, '2026-12-07T20:58', '2026-12-07T20:59')).toBe(false);
    expect(closedSince(hours, '2026-12-07T21:00', '2026-12-07T21:05')).toBe(false);
    expect(closedSince(hours, '2026-12-08T20:59', '2026-12-08T21:01')).toBe(false);
  });
});
