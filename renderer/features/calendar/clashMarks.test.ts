import { describe, expect, it } from 'vitest';
import { emptyBooking, type Occurrence } from '@shared/bookings';
import { bookingClashKey } from '@shared/sync/clashes';
import { clashingBookingIds } from './clashMarks';

const booking = (id: string, start: string, end: string, extra: Partial<Occurrence> = {}): Occurrence => ({
  ...emptyBooking({ roomId: 'hall', start, end, title: id }),
  id,
  source: 'booking',
  ...extra,
});

describe('clashingBookingIds (calendar marks of offline double bookings)', () => {
  const a = booking('a', '2026-11-23T10:00', '2026-11-23T12:00');
  const b = booking('b', '2026-11-23T11:00', '2026-11-23T13:00');
  const c = booking('c', '2026-11-23T13:00', '2026-11-23T14:00'); // back-to-back with b: fine
  const d = booking('d', '2026-11-23T10:30', '2026-11-23T11:30', { roomId: 'kitchen' });

  it('marks both bookings of an overlapping pair in the same room, and nothing else', () => {
    expect([...clashingBookingIds([c, b, d, a], new Set())].sort()).toEqual(['a', 'b']);
  });

  it('stops marking a pair once its clash is marked resolved in the inbox (same key as the inbox)', () => {
    expect(clashingBookingIds([a, b, c], new Set([bookingClashKey('b', 'a')])).size).toBe(0);
    expect(bookingClashKey('b', 'a')).toBe('booking:a|b');
  });

  it('keeps a booking marked while another of its clashes is unresolved', () => {
    const e = booking('e', '2026-11-23T11:30', '2026-11-23T12:30');
    expect([...clashingBookingIds([a, b, e], new Set([bookingClashKey('a', 'b')]))].sort()).toEqual(['a', 'b', 'e']);
  });

  it('ignores cancelled bookings, series occurrences and different sections', () => {
    expect(clashingBookingIds([a, { ...b, status: 'cancelled' }], new Set()).size).toBe(0);
    expect(clashingBookingIds([a, { ...b, source: 'series' }], new Set()).size).toBe(0);
    const left = booking('l', '2026-11-23T10:00', '2026-11-23T12:00', { sections: ['left'] });
    const right = booking('r', '2026-11-23T10:00', '2026-11-23T12:00', { sections: ['right'] });
    expect(clashingBookingIds([left, right], new Set()).size).toBe(0);
    expect([...clashingBookingIds([left, right, a], new Set())].sort()).toEqual(['a', 'l', 'r']);
  });
});
