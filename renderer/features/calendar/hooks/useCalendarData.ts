import { useMemo } from 'react';
import { addDays, occurrencesInRange, type Occurrence } from '@shared/bookings';
import type { BookingDoc, ConflictDoc, GroupDoc, ItemDoc, LocalDate, PersonDoc, SeriesDoc } from '@shared/db';
import { useLiveQuery } from '../../../app/db';
import { clashingBookingIds } from '../clashMarks';

/** Bookings are read from a little before the range so long bookings that began earlier still show. */
export const LOOKBACK_DAYS = 2;

/**
 * The concrete bookings of [from, to) (dates): only that range's bookings are loaded (by the `start`
 * index) plus the series that began before its end; occurrences are computed for the range only.
 */
export function useRangeOccurrences(from: LocalDate, to: LocalDate, includeCancelled: boolean) {
  const bookings = useLiveQuery(
    (db) => db.bookings.find({ selector: { start: { $gte: `${addDays(from, -LOOKBACK_DAYS)}T00:00`, $lt: `${to}T00:00` } } }),
    [from, to],
  );
  const series = useLiveQuery((db) => db.series.find({ selector: { dtstart: { $lt: `${to}T00:00` } } }), [to]);
  const occurrences = useMemo<Occurrence[]>(
    () =>
      occurrencesInRange(
        (bookings.data as BookingDoc[] | undefined) ?? [],
        (series.data as SeriesDoc[] | undefined) ?? [],
        from,
        to,
        { includeCancelled },
      ),
    [bookings.data, series.data, from, to, includeCancelled],
  );
  return { occurrences, loading: bookings.loading || series.loading };
}

/** One series document (for the details panel and the form). */
export function useSeries(id: string | undefined): SeriesDoc | null {
  const { data } = useLiveQuery((db) => (id ? db.series.findOne(id) : null), [id]);
  return (data as SeriesDoc | null | undefined) ?? null;
}

/** People and groups for the organiser picker. */
export function useDirectory(): { people: PersonDoc[]; groups: GroupDoc[] } {
  const people = useLiveQuery((db) => db.people.find(), []);
  const groups = useLiveQuery((db) => db.groups.find(), []);
  return { people: (people.data as PersonDoc[] | undefined) ?? [], groups: (groups.data as GroupDoc[] | undefined) ?? [] };
}

/** The things to lend, for the booking's equipment lines (sorted by name). */
export function useCatalogue(): ItemDoc[] {
  const { data } = useLiveQuery((db) => db.items.find(), []);
  return ((data as ItemDoc[] | undefined) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** The ids of the shown bookings in an unresolved double-booking clash (computed over the loaded range only). */
export function useClashMarks(occurrences: readonly Occurrence[]): Set<string> {
  const { data } = useLiveQuery((db) => db.conflicts.find({ selector: { kind: 'dismissed-clash' } }), []);
  const dismissed = useMemo(() => new Set(((data ?? []) as ConflictDoc[]).map((d) => d.docId)), [data]);
  return useMemo(() => clashingBookingIds(occurrences, dismissed), [occurrences, dismissed]);
}
