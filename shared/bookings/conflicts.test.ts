import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RoomDoc } from '../db/schemas/rooms';
import type { WeekHours } from '../db/schemas/settings';
import { bookingsConflict, bookingWarnings, checkBooking, findClashes, sectionsIntersect, validateBooking } from './conflicts';
import { emptyBooking, type BookingFields } from './model';
import { fromMinutes, toMinutes } from '../time';

const b = (over: Partial<BookingFields> & { id?: string }): BookingFields & { id?: string } =>
  emptyBooking({ roomId: 'hall', title: 'Событие', start: '2026-05-16T18:00', end: '2026-05-16T20:00', ...over });

const room: RoomDoc = {
  id: 'hall', name: 'Зал', kind: 'hall', capacity: 80, capacityByLayout: { theatre: 80, tables: 40, open: 60 }, colour: '#f00',
  sections: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }, { id: 'C', name: 'C' }], setupMinutes: 30, cleanupMinutes: 30, hourlyRate: 1000,
  bookable: true, openingHours: null, notes: '', archived: false, order: 0,
  createdAt: '', updatedAt: '', updatedBy: { desk: '', volunteer: '' },
};
const week: WeekHours = { mo: { open: '09:00', close: '21:00' }, tu: { open: '09:00', close: '21:00' }, we: { open: '09:00', close: '21:00' }, th: { open: '09:00', close: '21:00' }, fr: { open: '09:00', close: '21:00' }, sa: { open: '10:00', close: '22:00' }, su: null };

describe('conflict rule', () => {
  it('whole hall vs one section clashes; section beside section does not', () => {
    expect(bookingsConflict(b({ sections: [] }), b({ sections: ['A'] }))).toBe(true);
    expect(bookingsConflict(b({ sections: ['A'] }), b({ sections: ['B'] }))).toBe(false);
    expect(bookingsConflict(b({ sections: ['A', 'B'] }), b({ sections: ['B', 'C'] }))).toBe(true);
  });

  it('back-to-back is allowed, one minute of overlap is not', () => {
    expect(bookingsConflict(b({}), b({ start: '2026-05-16T20:00', end: '2026-05-16T21:00' }))).toBe(false);
    expect(bookingsConflict(b({}), b({ start: '2026-05-16T19:59', end: '2026-05-16T21:00' }))).toBe(true);
  });

  it('setup and clean-up extend the occupied time', () => {
    const later = b({ start: '2026-05-16T20:30', end: '2026-05-16T22:00', setupMinutes: 45 });
    expect(bookingsConflict(b({}), later)).toBe(true);
    expect(bookingsConflict(b({ cleanupMinutes: 30 }), b({ start: '2026-05-16T20:15', end: '2026-05-16T21:00' }))).toBe(true);
    expect(bookingsConflict(b({ cleanupMinutes: 30 }), b({ start: '2026-05-16T20:30', end: '2026-05-16T21:00' }))).toBe(false);
  });

  it('cancelled never conflicts; other rooms never conflict; tentative does', () => {
    expect(bookingsConflict(b({ status: 'cancelled' }), b({}))).toBe(false);
    expect(bookingsConflict(b({}), b({ status: 'cancelled' }))).toBe(false);
    expect(bookingsConflict(b({}), b({ roomId: 'kitchen' }))).toBe(false);
    expect(bookingsConflict(b({}), b({ status: 'tentative' }))).toBe(true);
  });

  it('a booking does not clash with itself or with the occurrence it replaces', () => {
    expect(bookingsConflict(b({ id: 'x' }), b({ id: 'x', start: '2026-05-16T19:00' }))).toBe(false);
    expect(bookingsConflict(b({ seriesId: 's', occurrenceStart: '2026-05-16T18:00' }), b({ seriesId: 's', occurrenceStart: '2026-05-16T18:00' }))).toBe(false);
  });

  it('returns the clashes as data: what, who, when, shared sections, overlap', () => {
    const other = { ...b({ title: 'Хор', sections: ['A', 'B'], organiser: { kind: 'free', refId: '', name: 'Мария', phone: '' }, start: '2026-05-16T19:00', end: '2026-05-16T21:00' }), id: 'o1' };
    const clashes = findClashes(b({ sections: ['B', 'C'] }), [other, { ...b({ roomId: 'kitchen' }), id: 'o2' }]);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({ what: 'Хор', who: 'Мария', start: '2026-05-16T19:00', end: '2026-05-16T21:00', sections: ['B'], overlapStart: '2026-05-16T19:00', overlapEnd: '2026-05-16T20:00' });
    expect(clashes[0]!.other.id).toBe('o1');
  });

  // A model of the rule on a minute grid: two bookings clash when some minute is occupied by both.
  const arbBooking = fc.record({
    room: fc.constantFrom('hall', 'kitchen'),
    sections: fc.subarray(['A', 'B', 'C']),
    start: fc.integer({ min: 0, max: 600 }),
    length: fc.integer({ min: 1, max: 240 }),
    setup: fc.integer({ min: 0, max: 60 }),
    cleanup: fc.integer({ min: 0, max: 60 }),
    status: fc.constantFrom('confirmed', 'tentative', 'cancelled' as const),
  });
  type BookingSpec = typeof arbBooking extends fc.Arbitrary<infer T> ? T : never;
  const base = toMinutes('2026-05-16T08:00');
  const toBooking = (x: BookingSpec) =>
    b({ roomId: x.room, sections: x.sections, start: fromMinutes(base + x.start), end: fromMinutes(base + x.start + x.length), setupMinutes: x.setup, cleanupMinutes: x.cleanup, status: x.status });

  it('property: agrees with a minute-by-minute model, and is symmetric', () => {
    fc.assert(
      fc.property(arbBooking, arbBooking, (x, y) => {
        const occupied = (z: typeof x) => new Set(Array.from({ length: z.length + z.setup + z.cleanup }, (_, i) => z.start - z.setup + i));
        const ox = occupied(x);
        const shareMinute = [...occupied(y)].some((m) => ox.has(m));
        const shareSpace = x.sections.length === 0 || y.sections.length === 0 || x.sections.some((s) => y.sections.includes(s));
        const expected = x.room === y.room && x.status !== 'cancelled' && y.status !== 'cancelled' && shareMinute && shareSpace;
        expect(bookingsConflict(toBooking(x), toBooking(y))).toBe(expected);
        expect(bookingsConflict(toBooking(y), toBooking(x))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: shifting a booking to start exactly where the other (with buffers) ends never clashes', () => {
    fc.assert(
      fc.property(arbBooking, arbBooking, (x, y) => {
        const moved = { ...y, start: x.start + x.length + x.cleanup + y.setup };
        expect(bookingsConflict(toBooking(x), toBooking(moved))).toBe(false);
      }),
    );
  });

  it('property: empty section set intersects everything, disjoint sets never', () => {
    fc.assert(
      fc.property(fc.subarray(['A', 'B', 'C', 'D']), fc.subarray(['A', 'B', 'C', 'D']), (s1, s2) => {
        expect(sectionsIntersect([], s2)).toBe(true);
        expect(sectionsIntersect(s1, s2)).toBe(s1.length === 0 || s2.length === 0 || s1.some((s) => s2.includes(s)));
      }),
    );
  });
});

describe('warnings (never blocking)', () => {
  const settings = { openingHours: week, closures: [{ from: '2026-05-01', to: '2026-05-03', reason: 'Праздники' }] };

  it('over capacity by layout', () => {
    expect(bookingWarnings(b({ expectedAttendance: 50, layout: 'tables' }), room, settings)).toEqual([
      { code: 'booking.over-capacity', capacity: 40, attendance: 50, layout: 'tables' },
    ]);
    expect(bookingWarnings(b({ expectedAttendance: 50, layout: 'theatre' }), room, settings)).toEqual([]);
    expect(bookingWarnings(b({ expectedAttendance: 81, layout: '' }), room, settings)[0]).toMatchObject({ capacity: 80 });
  });

  it('outside opening hours, setup included; a room override wins over the centre', () => {
    expect(bookingWarnings(b({ start: '2026-05-16T10:00', end: '2026-05-16T12:00' }), room, settings)).toEqual([]);
    expect(bookingWarnings(b({ start: '2026-05-16T10:00', end: '2026-05-16T12:00', setupMinutes: 30 }), room, settings)[0]).toMatchObject({ code: 'booking.outside-hours', date: '2026-05-16' });
    expect(bookingWarnings(b({ start: '2026-05-17T10:00', end: '2026-05-17T12:00' }), room, settings)[0]).toMatchObject({ code: 'booking.outside-hours', hours: null });
    const sundayRoom = { ...room, openingHours: { ...week, su: { open: '08:00', close: '23:00' } } };
    expect(bookingWarnings(b({ start: '2026-05-17T10:00', end: '2026-05-17T12:00' }), sundayRoom, settings)).toEqual([]);
  });

  it('on a closure date', () => {
    expect(bookingWarnings(b({ start: '2026-05-02T12:00', end: '2026-05-02T14:00' }), room, settings)).toContainEqual({ code: 'booking.closure', closure: settings.closures[0] });
  });
});

describe('validation and the combined check', () => {
  it('returns codes for bad input', () => {
    expect(validateBooking(b({ title: ' ', end: '2026-05-16T17:00', sections: ['Z'] }), room)).toEqual(['booking.no-title', 'booking.end-before-start', 'booking.unknown-section']);
    expect(validateBooking(b({ roomId: '' }), undefined)).toEqual(['booking.no-room']);
    expect(validateBooking(b({}), { ...room, bookable: false })).toEqual(['booking.not-bookable']);
  });

  it('checkBooking gives errors, clashes and warnings together', () => {
    const result = checkBooking(b({ expectedAttendance: 100 }), { room, settings: undefined, others: [{ ...b({ sections: ['A'] }), id: 'o' }] });
    expect(result.errors).toEqual([]);
    expect(result.clashes.map((c) => c.other.id)).toEqual(['o']);
    // no centre settings saved: the default hours apply (Saturday 11:00–18:00), and 18:00–20:00 is outside them
    expect(result.warnings.map((w) => w.code)).toEqual(['booking.over-capacity', 'booking.outside-hours']);
  });
});
