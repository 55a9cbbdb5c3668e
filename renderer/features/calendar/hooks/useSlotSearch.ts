import { useCallback } from 'react';
import { occurrencesInRange, type Occurrence } from '@shared/bookings';
import { addDays } from '@shared/time';
import type { BookingDoc, DeskDatabase, SeriesDoc } from '@shared/db';
import { useDb } from '../../../app/db';
import { LOOKBACK_DAYS } from './useCalendarData';

/** Everything booked in [from, to) (dates), read fresh from the database: stored + series occurrences. */
export async function loadOccurrences(db: DeskDatabase, from: string, to: string): Promise<Occurrence[]> {
  const [bookings, series] = await Promise.all([
    db.bookings.find({ selector: { start: { $gte: `${addDays(from, -LOOKBACK_DAYS)}T00:00`, $lt: `${to}T00:00` } } }).exec(),
    db.series.find({ selector: { dtstart: { $lt: `${to}T00:00` } } }).exec(),
  ]);
  return occurrencesInRange(bookings.map((d) => d.toJSON() as BookingDoc), series.map((d) => d.toJSON() as SeriesDoc), from, to);
}

/** Loads what is booked in a day range (inclusive), for the free-slot search and the day sheet. */
export function useSlotSearch() {
  const db = useDb();
  return useCallback((from: string, to: string) => loadOccurrences(db, from, addDays(to, 1)), [db]);
}
