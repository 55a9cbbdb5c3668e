/** Today's page reads: today's bookings (series included) and how many people are in the building. */
import type { BookingDoc, SeriesDoc, VisitDoc } from '@shared/db';
import { occurrencesInRange } from '@shared/bookings';
import { addDays, localToday } from '@shared/time';
import { useLiveQuery } from '../../app/db';

export function useToday() {
  const today = localToday();
  const from = `${today}T00:00`;
  const to = `${addDays(today, 1)}T00:00`;
  // A day wider on the left: a booking that started yesterday evening may still run today.
  const wideFrom = `${addDays(today, -1)}T00:00`;
  const bookings = useLiveQuery((db) => db.bookings.find({ selector: { start: { $gte: wideFrom, $lt: to } } }), [wideFrom, to]);
  const series = useLiveQuery((db) => db.series.find({ selector: { status: 'active' } }), []);
  const inBuilding = useLiveQuery((db) => db.visits.find({ selector: { timeIn: { $gte: from, $lt: to } } }), [from]);
  const here = ((inBuilding.data as VisitDoc[] | undefined) ?? []).filter((v) => !v.timeOut);
  return {
    bookings: occurrencesInRange(
      (bookings.data as BookingDoc[] | undefined) ?? [],
      (series.data as SeriesDoc[] | undefined) ?? [],
      from,
      to,
    ).sort((a, b) => a.start.localeCompare(b.start)),
    inBuilding: here.reduce((n, v) => n + 1 + (v.adults ?? 0) + (v.children ?? 0), 0),
    loading: bookings.loading,
  };
}
