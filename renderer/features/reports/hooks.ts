import { useMemo } from 'react';
import { useLiveQuery } from '../../app/db';
import { SETTINGS_ID } from '@shared/db';
import { occurrencesInRange } from '@shared/bookings';
import { addDays } from '@shared/time';
import { computeReport, loanReadStart, reportReadRange, type Period, type Report, type ReportBooking } from '@shared/reports';

/**
 * Everything a report for `period` reads, queried by index for the period and the one before it only:
 * visits by `timeIn`, bookings by `start` (a day wider, for bookings that cross midnight), loans by `outAt`
 * (plus a look-back so returns in the period count) and the open loans by `status` for "overdue now".
 * Small directories (rooms, groups, items, series, merged people) are read whole.
 */
export function useReport(period: Period, now: string, compareWith?: Period): { report: Report | null; loading: boolean } {
  const range = useMemo(() => reportReadRange(period, compareWith), [period, compareWith]);
  const loanStart = useMemo(() => loanReadStart(period, compareWith), [period, compareWith]);
  const bookingStart = `${addDays(range.start.slice(0, 10), -1)}T00:00`;

  const visits = useLiveQuery((db) => db.visits.find({ selector: { timeIn: { $gte: range.start, $lt: range.end } } }), [range.start, range.end]);
  const bookings = useLiveQuery((db) => db.bookings.find({ selector: { start: { $gte: bookingStart, $lt: range.end } } }), [bookingStart, range.end]);
  const loans = useLiveQuery((db) => db.loans.find({ selector: { outAt: { $gte: loanStart, $lt: range.end } } }), [loanStart, range.end]);
  const openLoans = useLiveQuery((db) => db.loans.find({ selector: { status: 'open' } }), []);
  const series = useLiveQuery((db) => db.series.find(), []);
  const rooms = useLiveQuery((db) => db.rooms.find(), []);
  const groups = useLiveQuery((db) => db.groups.find(), []);
  const items = useLiveQuery((db) => db.items.find(), []);
  const merged = useLiveQuery((db) => db.people.find({ selector: { mergedInto: { $gt: '' } } }), []);
  const settings = useLiveQuery((db) => db.settings.findOne(SETTINGS_ID), []);

  const parts = [visits, bookings, loans, openLoans, series, rooms, groups, items, merged, settings];
  const loading = parts.some((p) => p.loading);
  const report = useMemo(() => {
    if (!visits.data || !bookings.data || !loans.data || !openLoans.data || !series.data || !rooms.data || !groups.data || !items.data || !merged.data) {
      return null;
    }
    // Stored bookings + occurrences of weekly series, cancelled ones included (reports count them).
    const occurrences = occurrencesInRange(bookings.data, series.data, range.start, range.end, { includeCancelled: true }) as unknown as ReportBooking[];
    const seen = new Set(loans.data.map((l) => l.id));
    const allLoans = [...loans.data, ...openLoans.data.filter((l) => !seen.has(l.id))];
    return computeReport(
      {
        visits: visits.data,
        bookings: occurrences,
        loans: allLoans,
        rooms: rooms.data,
        groups: groups.data,
        items: items.data,
        people: merged.data,
        settings: settings.data ?? null,
        now,
      },
      period,
      compareWith,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visits.data, bookings.data, loans.data, openLoans.data, series.data, rooms.data, groups.data, items.data, merged.data, settings.data, now, period, compareWith]);
  return { report, loading: loading && !report };
}
