import { useCallback, useEffect, useMemo, useState } from 'react';
import { combineLatest } from 'rxjs';
import { occurrencesInRange, type Occurrence } from '@shared/bookings';
import { addDays } from '@shared/time';
import { readableJson, type BookingDoc, type ConflictDoc, type GroupDoc, type ItemDoc, type LocalDate, type PersonDoc, type SeriesDoc } from '@shared/db';
import { useDb, useLiveQuery } from '../../../app/db';
import { clashingBookingIds } from '../clashMarks';

/** Bookings are read from a little before the range so long bookings that began earlier still show. */
export const LOOKBACK_DAYS = 2;

interface LoadedRange {
  from: LocalDate;
  to: LocalDate;
  bookings: BookingDoc[];
  series: SeriesDoc[];
}

/**
 * The concrete bookings of [from, to) (dates): only that range's bookings are loaded (by the `start`
 * index) plus the series that began before its end; occurrences are computed for the range only.
 * Both queries are combined into one state update per change, and the previous range's occurrences stay
 * until the new range's have arrived (`range` says which range `occurrences` belong to): the calendar lays
 * out its events once per navigation instead of for every partial result.
 */
export function useRangeOccurrences(from: LocalDate, to: LocalDate, includeCancelled: boolean) {
  const db = useDb();
  const [loaded, setLoaded] = useState<LoadedRange | null>(null);
  useEffect(() => {
    const bookings$ = db.bookings.find({ selector: { start: { $gte: `${addDays(from, -LOOKBACK_DAYS)}T00:00`, $lt: `${to}T00:00` } } }).$;
    const series$ = db.series.find({ selector: { dtstart: { $lt: `${to}T00:00` } } }).$;
    const sub = combineLatest([bookings$, series$]).subscribe(([bookings, series]) =>
      setLoaded({ from, to, bookings: readableJson<BookingDoc>(bookings), series: readableJson<SeriesDoc>(series) }),
    );
    return () => sub.unsubscribe();
  }, [db, from, to]);
  const occurrences = useMemo<Occurrence[]>(
    () => (loaded ? occurrencesInRange(loaded.bookings, loaded.series, loaded.from, loaded.to, { includeCancelled }) : []),
    [loaded, includeCancelled],
  );
  const range = useMemo(() => (loaded ? { from: loaded.from, to: loaded.to } : null), [loaded]);
  return { occurrences, range, loading: !loaded || loaded.from !== from || loaded.to !== to };
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

/** Days of the "all future public events" file: a year ahead (weekly series would otherwise never end). */
export const FUTURE_DAYS = 366;

/**
 * Reads the occurrences of [from, to) once (for a file export of a range other than the one on screen).
 * Cancelled ones are left out.
 */
export function useOccurrenceReader(): (from: LocalDate, to: LocalDate) => Promise<Occurrence[]> {
  const db = useDb();
  return useCallback(
    async (from, to) => {
      const [bookings, series] = await Promise.all([
        db.bookings.find({ selector: { start: { $gte: `${addDays(from, -LOOKBACK_DAYS)}T00:00`, $lt: `${to}T00:00` } } }).exec(),
        db.series.find({ selector: { dtstart: { $lt: `${to}T00:00` } } }).exec(),
      ]);
      return occurrencesInRange(readableJson<BookingDoc>(bookings), readableJson<SeriesDoc>(series), from, to);
    },
    [db],
  );
}
