/** The headcount clicker for events where names are not taken: counts kept on the booking. */
import dayjs from 'dayjs';
import type { BookingDoc } from '../db/schemas';
import type { LocalDateTime } from '../db/types';
import { emptyBooking, type BookingFields } from '../bookings/model';

export type Headcount = BookingDoc['headcount'];
export type HeadcountField = keyof Headcount;
export const HEADCOUNT_FIELDS: HeadcountField[] = ['adults', 'children', 'residents', 'guests'];
const MAX = 100000;

export function emptyHeadcount(): Headcount {
  return { adults: 0, children: 0, residents: 0, guests: 0 };
}

/**
 * Attendance from a headcount. Adults/children and residents/guests are two ways of splitting the same
 * people (a desk may click only one pair), so attendance is the larger of the two sums.
 */
export function attendanceOf(h: Headcount): number {
  return Math.max(h.adults + h.children, h.residents + h.guests);
}

/** One click: +1 or −1 on one counter (never below 0). Returns the booking patch. */
export function bumpHeadcount(
  current: Partial<Headcount> | undefined,
  field: HeadcountField,
  delta: number,
): Pick<BookingDoc, 'headcount' | 'actualAttendance'> {
  const h = { ...emptyHeadcount(), ...current };
  h[field] = Math.min(MAX, Math.max(0, Math.trunc(h[field] + delta)));
  return { headcount: h, actualAttendance: attendanceOf(h) };
}

/** How long an event named on the spot is booked for: it counts as held once this time has passed. */
export const AD_HOC_EVENT_MINUTES = 60;

/**
 * An event that has no booking, named at the door to count heads: booked on the spot from now (to the
 * five minutes) for an hour in the given room, so the reports count it as an event and its attendance.
 * Returns null for an empty title or room.
 */
export function adHocEventBooking(title: string, roomId: string, now: LocalDateTime): BookingFields | null {
  const name = title.trim();
  if (!name || !roomId) return null;
  const start = dayjs(now).minute(Math.floor(dayjs(now).minute() / 5) * 5);
  return emptyBooking({
    roomId,
    title: name.slice(0, 200),
    category: 'other',
    start: start.format('YYYY-MM-DDTHH:mm'),
    end: start.add(AD_HOC_EVENT_MINUTES, 'minute').format('YYYY-MM-DDTHH:mm'),
    actualAttendance: 0,
    notes: '',
  });
}
