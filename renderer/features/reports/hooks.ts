import { useMemo } from 'react';
import { useLiveQuery } from '../../app/db';
import type { Period, Report } from '@shared/reports';
import { assembleReport, reportQueries, type ReportData } from './reportInput';

/** Everything a report for `period` reads (reportInput.ts), live: the report follows every change. */
export function useReport(period: Period, now: string, compareWith?: Period): { report: Report | null; loading: boolean } {
  const q = useMemo(() => reportQueries(period, compareWith), [period, compareWith]);
  const visits = useLiveQuery(q.visits, [q]);
  const bookings = useLiveQuery(q.bookings, [q]);
  const loans = useLiveQuery(q.loans, [q]);
  const openLoans = useLiveQuery(q.openLoans, []);
  const series = useLiveQuery(q.series, []);
  const rooms = useLiveQuery(q.rooms, []);
  const groups = useLiveQuery(q.groups, []);
  const items = useLiveQuery(q.items, []);
  const merged = useLiveQuery(q.merged, []);
  const settings = useLiveQuery(q.settings, []);

  const parts = [visits, bookings, loans, openLoans, series, rooms, groups, items, merged, settings];
  const loading = parts.some((p) => p.loading);
  // What the period's queries held when the period changed: until each has answered for the new period, its data
  // is the old period's, and a report of it would show the old figures under the new period's name.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const before = useMemo(() => [visits.data, bookings.data, loans.data], [q]);
  const fresh = visits.data !== before[0] && bookings.data !== before[1] && loans.data !== before[2];
  const report = useMemo(() => {
    if (!fresh || !visits.data || !bookings.data || !loans.data || !openLoans.data || !series.data || !rooms.data || !groups.data || !items.data || !merged.data) {
      return null;
    }
    const data = {
      visits: visits.data,
      bookings: bookings.data,
      loans: loans.data,
      openLoans: openLoans.data,
      series: series.data,
      rooms: rooms.data,
      groups: groups.data,
      items: items.data,
      merged: merged.data,
      settings: settings.data ?? null,
    } as ReportData;
    return assembleReport(data, period, now, compareWith);
  }, [fresh, visits.data, bookings.data, loans.data, openLoans.data, series.data, rooms.data, groups.data, items.data, merged.data, settings.data, now, period, compareWith]);
  return { report, loading: loading && !report };
}
