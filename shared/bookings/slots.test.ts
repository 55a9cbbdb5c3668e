import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { WeekHours } from '../db/schemas/settings';
import { bookingWarnings, centreHours, findClashes, hoursFor } from './conflicts';
import { emptyBooking } from './model';
import { findFreeSlots } from './slots';
import { fromMinutes, toMinutes } from '../time';

const open9to21 = { open: '09:00', close: '21:00' };
const week: WeekHours = { mo: open9to21, tu: open9to21, we: open9to21, th: open9to21, fr: open9to21, sa: open9to21, su: null };
const hall = { id: 'hall', sections: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }], setupMinutes: 30, cleanupMinutes: 30, bookable: true, openingHours: null };
const kitchen = { id: 'kitchen', sections: [], setupMinutes: 0, cleanupMinutes: 0, bookable: true, openingHours: null };
const settings = { openingHours: week, closures: [{ from: '2026-05-13', to: '2026-05-13', reason: '' }] };
const booked = (roomId: string, start: string, end: string, sections: string[] = [], setupMinutes = 0, cleanupMinutes = 0) =>
  ({ ...emptyBooking({ roomId, start, end, sections, setupMinutes, cleanupMinutes }), id: `${roomId}-${start}` });

describe('free slots', () => {
  it('gaps between bookings inside opening hours, buffers of both sides kept', () => {
    const slots = findFreeSlots({ roomId: 'hall', durationMinutes: 120, from: '2026-05-12', to: '2026-05-12' }, [hall], [booked('hall', '2026-05-12T12:00', '2026-05-12T14:00', [], 15, 15)], settings);
    // the morning gap (09:30–11:15 once buffers are kept) is 105 minutes: too short for 120
    expect(slots).toEqual([{ roomId: 'hall', sections: [], start: '2026-05-12T14:45', end: '2026-05-12T20:30', latestStart: '2026-05-12T18:30' }]);
    const shorter = findFreeSlots({ roomId: 'hall', durationMinutes: 105, from: '2026-05-12', to: '2026-05-12' }, [hall], [booked('hall', '2026-05-12T12:00', '2026-05-12T14:00', [], 15, 15)], settings);
    expect(shorter[0]).toEqual({ roomId: 'hall', sections: [], start: '2026-05-12T09:30', end: '2026-05-12T11:15', latestStart: '2026-05-12T09:30' });
  });

  it('skips closures and closed weekdays, and a free section beside a booked one is offered', () => {
    const bookings = [booked('hall', '2026-05-12T09:00', '2026-05-12T21:00', ['A'])];
    expect(findFreeSlots({ roomId: 'hall', sections: ['A'], durationMinutes: 60, from: '2026-05-12', to: '2026-05-12' }, [hall], bookings, settings)).toEqual([]);
    expect(findFreeSlots({ roomId: 'hall', sections: ['B'], durationMinutes: 60, from: '2026-05-12', to: '2026-05-12' }, [hall], bookings, settings)).toHaveLength(1);
    const days = findFreeSlots({ roomId: 'kitchen', durationMinutes: 60, from: '2026-05-11', to: '2026-05-17' }, [kitchen], [], settings).map((s) => s.start.slice(0, 10));
    expect(days).toEqual(['2026-05-11', '2026-05-12', '2026-05-14', '2026-05-15', '2026-05-16']);
  });

  it('any room: every bookable room, not-before respected', () => {
    const slots = findFreeSlots({ roomId: 'any', durationMinutes: 60, from: '2026-05-12', to: '2026-05-12', notBefore: '2026-05-12T19:00' }, [hall, kitchen, { ...kitchen, id: 'store', bookable: false }], [], settings);
    expect(slots.map((s) => [s.roomId, s.start, s.end])).toEqual([
      ['hall', '2026-05-12T19:30', '2026-05-12T20:30'],
      ['kitchen', '2026-05-12T19:00', '2026-05-12T21:00'],
    ]);
  });

  it('property: every start inside a slot clashes with nobody and stays in opening hours', () => {
    const arb = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 1, max: 16 }), sections: fc.subarray(['A', 'B']), setup: fc.integer({ min: 0, max: 4 }) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 15, max: 240 }), fc.subarray(['A', 'B']), (items, duration, sections) => {
        const day = toMinutes('2026-05-12T08:00');
        const bookings = items.map((x) => booked('hall', fromMinutes(day + x.start * 10), fromMinutes(day + (x.start + x.len) * 10), x.sections, x.setup * 15, x.setup * 15));
        const slots = findFreeSlots({ roomId: 'hall', sections, durationMinutes: duration, from: '2026-05-12', to: '2026-05-12' }, [hall], bookings, settings);
        for (const slot of slots) {
          for (const start of [slot.start, slot.latestStart]) {
            const candidate = emptyBooking({ roomId: 'hall', sections, start, end: fromMinutes(toMinutes(start) + duration), setupMinutes: 30, cleanupMinutes: 30 });
            expect(findClashes(candidate, bookings)).toEqual([]);
            expect(toMinutes(start) - 30).toBeGreaterThanOrEqual(toMinutes('2026-05-12T09:00'));
            expect(toMinutes(start) + duration + 30).toBeLessThanOrEqual(toMinutes('2026-05-12T21:00'));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('one source of opening hours', () => {
  it('a profile whose centre settings were never saved: free slots, alternatives and warnings use the default hours, never 00:00', () => {
    const rooms = [{ id: 'hall', sections: [], setupMinutes: 30, cleanupMinutes: 30 }];
    const slots = findFreeSlots({ roomId: 'any', durationMinutes: 60, from: '2026-12-07', to: '2026-12-07' }, rooms, [], undefined);
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) {
      expect(s.start.slice(11) >= '10:00').toBe(true);
      expect(s.end.slice(11) <= '21:00').toBe(true);
      expect(s.end > s.start).toBe(true);
    }
    expect(slots[0]).toMatchObject({ start: '2026-12-07T10:30', end: '2026-12-07T20:30' });
    expect(hoursFor(undefined, undefined)).toEqual(centreHours(null));
    expect(bookingWarnings({ ...emptyBooking({ roomId: 'hall', start: '2026-12-07T22:00', end: '2026-12-07T23:00' }) }, undefined, undefined).map((w) => w.code)).toContain('booking.outside-hours');
  });
});
