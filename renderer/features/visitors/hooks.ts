/**
 * The visitor log: live queries, and the visit commands (./commands.ts) bound to the desk. Rules (validation,
 * duplicates, sign-out, headcount, edits) come from shared/visits.
 */
import type { BookingDoc, VisitDoc } from '@shared/db';
import { inBuildingFrom } from '@shared/visits';
import { addDays, localToday } from '@shared/time';
import { useCommands, useLiveQuery } from '../../app/db';
import { openVisitsQuery, visitCommands } from './commands';

export { openVisitsQuery } from './commands';

const dayStart = (date: string) => `${date}T00:00`;
const nextDayStart = (date: string) => `${addDays(date, 1)}T00:00`;
export const todayDate = () => localToday();

/** Visits that started on the local dates from…to (inclusive), newest first. */
export function useVisits(from: string, to: string): { visits: VisitDoc[]; loading: boolean } {
  const { data, loading } = useLiveQuery(
    (db) => (from && to ? db.visits.find({ selector: { timeIn: { $gte: dayStart(from), $lt: nextDayStart(to) } }, sort: [{ timeIn: 'desc' }] }) : null),
    [from, to],
  );
  return { visits: (data as VisitDoc[] | undefined) ?? [], loading };
}

/** Everyone signed in over the last days and not yet out (someone forgotten yesterday shows up too). */
export function useInBuilding(): VisitDoc[] {
  const from = inBuildingFrom(Date.now());
  const { data } = useLiveQuery((db) => openVisitsQuery(db, from), [from]);
  return (data as VisitDoc[] | undefined) ?? [];
}

/** Bookings by id (the log shows the title of each visit's booking, whatever its date). */
export function useBookingsById(ids: readonly string[]): Map<string, BookingDoc> {
  const key = [...new Set(ids.filter(Boolean))].sort().join(',');
  const { data } = useLiveQuery((db) => (key ? db.bookings.find({ selector: { id: { $in: key.split(',') } } }) : null), [key]);
  return new Map(((data as BookingDoc[] | undefined) ?? []).map((b) => [b.id, b]));
}

/** Today's bookings that are not cancelled, by start time. */
export function useTodayBookings(): BookingDoc[] {
  const today = todayDate();
  const { data } = useLiveQuery((db) => db.bookings.find({ selector: { start: { $gte: dayStart(today), $lt: nextDayStart(today) } }, sort: [{ start: 'asc' }] }), [today]);
  return ((data as BookingDoc[] | undefined) ?? []).filter((b) => b.status !== 'cancelled');
}

/** The visit commands (./commands.ts) bound to this desk and the volunteer on shift. */
export function useVisitActions() {
  return useCommands(visitCommands);
}
