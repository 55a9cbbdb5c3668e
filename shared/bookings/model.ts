/** Booking shapes shared by the calendar, posters and reports. No database, no DOM. */
import type { BaseDoc, LocalDateTime } from '../db/types';
import type { BookingDoc } from '../db/schemas/bookings';
import type { SeriesDoc } from '../db/schemas/series';
import { datePart } from '../time';

/** Everything a booking holds except the audit fields. */
export type BookingFields = Omit<BookingDoc, keyof BaseDoc>;
/** What a series repeats: every booking field except the identity and the times. */
export type BookingTemplate = SeriesDoc['template'];
/** A series before it is stamped and stored. */
export type SeriesFields = Omit<SeriesDoc, keyof BaseDoc>;

/**
 * A concrete booking in a range: either a stored booking (one-off, or an edited/moved occurrence of a
 * series) or an occurrence computed from a series. `id` of a computed one is `<seriesId>@<occurrenceStart>`.
 */
export interface Occurrence extends BookingFields {
  id: string;
  source: 'booking' | 'series';
  updatedAt?: string;
}

/** The fields the conflict rule looks at. */
export type TimedBooking = Pick<
  BookingFields,
  'roomId' | 'sections' | 'start' | 'end' | 'setupMinutes' | 'cleanupMinutes' | 'status'
> &
  Partial<Pick<BookingFields, 'seriesId' | 'occurrenceStart' | 'title' | 'organiser'>> & { id?: string };

/** A booking with every field at its default; `start`/`end` must be filled in. */
export function emptyBooking(overrides: Partial<BookingFields> = {}): BookingFields {
  return {
    roomId: '',
    sections: [],
    start: '',
    end: '',
    setupMinutes: 0,
    cleanupMinutes: 0,
    title: '',
    category: 'other',
    organiser: { kind: 'free', refId: '', name: '', phone: '' },
    local: true,
    expectedAttendance: 0,
    actualAttendance: -1,
    headcount: { adults: 0, children: 0, residents: 0, guests: 0 },
    public: false,
    publicDescription: '',
    status: 'confirmed',
    cancelledBy: '',
    cancelReason: '',
    notes: '',
    price: 0,
    priceOverrideReason: '',
    paid: false,
    seriesId: '',
    occurrenceStart: '',
    equipment: [],
    layout: '',
    ...overrides,
  };
}

/** The template a series repeats, taken from a booking's fields. */
export function templateOf(b: Partial<BookingFields>): BookingTemplate {
  const { start: _s, end: _e, seriesId: _id, occurrenceStart: _o, ...template } = emptyBooking(b);
  return template;
}

/**
 * Key of an occurrence inside its series: its original local date. A weekly series has at most one
 * occurrence per day, and keying by date keeps exceptions attached when the series' time of day changes.
 */
export function occurrenceKey(occurrenceStart: LocalDateTime): string {
  return datePart(occurrenceStart);
}

/** The same booking or the same occurrence of the same series (a moved occurrence replaces itself). */
export function sameOccurrence(a: TimedBooking, b: TimedBooking): boolean {
  if (a.id && b.id && a.id === b.id) return true;
  return (
    !!a.seriesId &&
    a.seriesId === b.seriesId &&
    !!a.occurrenceStart &&
    !!b.occurrenceStart &&
    occurrenceKey(a.occurrenceStart) === occurrenceKey(b.occurrenceStart)
  );
}
