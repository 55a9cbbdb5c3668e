/** The headcount clicker for events where names are not taken: counts kept on the booking. */
import type { BookingDoc } from '../db/schemas';

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
