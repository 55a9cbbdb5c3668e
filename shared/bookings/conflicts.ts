/**
 * The conflict rule and the soft warnings of a booking.
 *
 * Two bookings conflict when they are in the same room, neither is cancelled, their time ranges
 * widened by setup and clean-up overlap (half-open: back-to-back is fine), and their section sets
 * intersect (no sections = the whole room, which intersects every section of that room).
 */
import { DEFAULT_OPENING_HOURS } from '../centre/validate';
import type { LocalDate } from '../db/types';
import type { RoomDoc } from '../db/schemas/rooms';
import type { Closure, DayHours, SettingsDoc, WeekHours } from '../db/schemas/settings';
import { sameOccurrence, type BookingFields, type TimedBooking } from './model';
import { datePart, fromMinutes, isLocalDateTime, MINUTES_PER_DAY, toMinutes } from '../time';
import { clockToMinutes, intervalsOverlap, weekdayOf } from './time';

/** The occupied span of a booking in minutes: [start − setup, end + clean-up). */
export function occupiedSpan(b: Pick<TimedBooking, 'start' | 'end' | 'setupMinutes' | 'cleanupMinutes'>): [number, number] {
  return [toMinutes(b.start) - (b.setupMinutes || 0), toMinutes(b.end) + (b.cleanupMinutes || 0)];
}

/** Section sets intersect; an empty set is the whole room. */
export function sectionsIntersect(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a?.length || !b?.length) return true;
  return a.some((s) => b.includes(s));
}

/** The rule itself, for two bookings. */
export function bookingsConflict(a: TimedBooking, b: TimedBooking): boolean {
  if (a.status === 'cancelled' || b.status === 'cancelled') return false;
  if (a.roomId !== b.roomId) return false;
  if (sameOccurrence(a, b)) return false;
  const [as, ae] = occupiedSpan(a);
  const [bs, be] = occupiedSpan(b);
  return intervalsOverlap(as, ae, bs, be) && sectionsIntersect(a.sections, b.sections);
}

/** One clash, as data for the form to put in words: what, who, when (and where). */
export interface Clash<B extends TimedBooking = TimedBooking> {
  other: B;
  what: string;
  who: string;
  start: string;
  end: string;
  roomId: string;
  /** Sections both take ([] when one of them takes the whole room). */
  sections: string[];
  /** The overlap of the occupied spans (setup and clean-up included); '' when they do not overlap. */
  overlapStart: string;
  overlapEnd: string;
  /**
   * Not an overlap: a series edit would put an occurrence on a day where a moved occurrence of the
   * same series already is (the club would meet twice that day).
   */
  sameSeriesDay?: boolean;
}

/** Every booking in `others` the candidate clashes with, in order of start. */
export function findClashes<B extends TimedBooking>(candidate: TimedBooking, others: readonly B[]): Clash<B>[] {
  if (candidate.status === 'cancelled') return [];
  const [cs, ce] = occupiedSpan(candidate);
  const clashes: Clash<B>[] = [];
  for (const other of others) {
    if (!bookingsConflict(candidate, other)) continue;
    const [os, oe] = occupiedSpan(other);
    clashes.push({
      other,
      what: other.title ?? '',
      who: other.organiser?.name ?? '',
      start: other.start,
      end: other.end,
      roomId: other.roomId,
      sections: candidate.sections?.length && other.sections?.length ? candidate.sections.filter((s) => other.sections.includes(s)) : [],
      overlapStart: fromMinutes(Math.max(cs, os)),
      overlapEnd: fromMinutes(Math.min(ce, oe)),
    });
  }
  return clashes.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

export type BookingWarning =
  | { code: 'booking.over-capacity'; capacity: number; attendance: number; layout: string }
  | { code: 'booking.outside-hours'; date: LocalDate; hours: DayHours | null }
  | { code: 'booking.closure'; closure: Closure };

type RoomRules = Pick<RoomDoc, 'capacity'> & Partial<Pick<RoomDoc, 'capacityByLayout' | 'openingHours'>>;
type CentreRules = Partial<Pick<SettingsDoc, 'openingHours' | 'closures'>>;

/** Capacity for the booking's layout (theatre/tables/open), falling back to the room's capacity. */
export function capacityFor(room: RoomRules, layout: string): number {
  const byLayout = room.capacityByLayout as Record<string, number> | undefined;
  const value = layout && byLayout ? byLayout[layout] : undefined;
  return value && value > 0 ? value : room.capacity;
}

/**
 * The hours that apply to a room: its override, else the centre's, else (a profile whose centre settings were
 * never saved) the defaults a new centre starts with. The one source for free slots, clash alternatives,
 * "outside opening hours" warnings and the poster, so none of them offers 00:00–09:00 while another says 10–21.
 */
export function hoursFor(room: Partial<Pick<RoomDoc, 'openingHours'>> | undefined, settings: CentreRules | undefined): WeekHours {
  return room?.openingHours ?? centreHours(settings);
}

/** The centre's opening hours, the defaults when none were saved. */
export function centreHours(settings: CentreRules | null | undefined): WeekHours {
  return settings?.openingHours ?? DEFAULT_OPENING_HOURS;
}

/** Open [from, to) minutes of a date on the floating line, or null when closed that weekday. */
export function openInterval(hours: WeekHours | undefined, date: LocalDate): [number, number] | null {
  if (!hours) return [toMinutes(date), toMinutes(date) + MINUTES_PER_DAY];
  const day = hours[weekdayOf(date)];
  if (!day) return null;
  const base = toMinutes(date);
  const open = clockToMinutes(day.open);
  let close = clockToMinutes(day.close);
  if (close <= open) close += MINUTES_PER_DAY; // closes after midnight
  return [base + open, base + close];
}

/** The closure covering a date, if any. */
export function closureOn(settings: CentreRules | undefined, date: LocalDate): Closure | undefined {
  return settings?.closures?.find((c) => c.from <= date && date <= (c.to || c.from));
}

/** Soft warnings (they never block saving): over capacity, outside opening hours, on a closure. */
export function bookingWarnings(
  b: Pick<BookingFields, 'start' | 'end' | 'setupMinutes' | 'cleanupMinutes' | 'expectedAttendance' | 'layout' | 'status'>,
  room: RoomRules | undefined,
  settings: CentreRules | undefined,
): BookingWarning[] {
  const warnings: BookingWarning[] = [];
  if (b.status === 'cancelled') return warnings;
  if (room) {
    const capacity = capacityFor(room, b.layout);
    if (capacity > 0 && b.expectedAttendance > capacity)
      warnings.push({ code: 'booking.over-capacity', capacity, attendance: b.expectedAttendance, layout: b.layout });
  }
  const [from, to] = occupiedSpan(b);
  const date = datePart(b.start);
  const hours = hoursFor(room, settings);
  const open = openInterval(hours, date);
  if (hours && (!open || from < open[0] || to > open[1])) warnings.push({ code: 'booking.outside-hours', date, hours: hours[weekdayOf(date)] });
  const seen = new Set<Closure>();
  for (let day = toMinutes(date); day < to && seen.size < 400; day += MINUTES_PER_DAY) {
    const closure = closureOn(settings, datePart(fromMinutes(day)));
    if (closure && !seen.has(closure)) {
      seen.add(closure);
      warnings.push({ code: 'booking.closure', closure });
    }
  }
  return warnings;
}

export type BookingError =
  | 'booking.no-room'
  | 'booking.no-title'
  | 'booking.bad-time'
  | 'booking.end-before-start'
  | 'booking.unknown-section'
  | 'booking.not-bookable';

/** Hard errors in the booking's own fields (codes for the form). */
export function validateBooking(
  b: Pick<BookingFields, 'roomId' | 'title' | 'start' | 'end' | 'sections'>,
  room: Pick<RoomDoc, 'sections'> & Partial<Pick<RoomDoc, 'bookable' | 'archived'>> | undefined,
): BookingError[] {
  const errors: BookingError[] = [];
  if (!b.roomId || !room) errors.push('booking.no-room');
  else if (room.bookable === false || room.archived) errors.push('booking.not-bookable');
  if (!b.title.trim()) errors.push('booking.no-title');
  if (!isLocalDateTime(b.start) || !isLocalDateTime(b.end)) errors.push('booking.bad-time');
  else if (toMinutes(b.end) <= toMinutes(b.start)) errors.push('booking.end-before-start');
  if (room && b.sections.some((id) => !(room.sections ?? []).some((sec) => sec.id === id))) errors.push('booking.unknown-section');
  return errors;
}

/** Everything the form and a drag need to decide: errors block, clashes block, warnings inform. */
export function checkBooking<B extends TimedBooking>(
  candidate: BookingFields & { id?: string },
  context: { room: RoomDoc | undefined; settings: CentreRules | undefined; others: readonly B[] },
): { errors: BookingError[]; clashes: Clash<B>[]; warnings: BookingWarning[] } {
  const errors = validateBooking(candidate, context.room);
  if (errors.includes('booking.bad-time') || errors.includes('booking.end-before-start')) return { errors, clashes: [], warnings: [] };
  return {
    errors,
    clashes: findClashes(candidate, context.others),
    warnings: bookingWarnings(candidate, context.room, context.settings),
  };
}
