import { useEffect, useMemo, useState } from 'react';
import type { DeskDatabase } from '@shared/db';
import { useDb, useLiveQuery } from '../../app/db';
import { loanReadStart, monthKey, reportReadRange, yearOf, type Period, type Report, type TimeRange } from '@shared/reports';
import { assembleReport, reportQueries, type ReportData } from './reportInput';
import { LOAN_MONTHS, VISIT_MONTHS, warmMonths, watchParts, type MonthKind } from './visitMonths';

/** The documents of `segments` as parts, live (watchParts in visitMonths.ts). */
function useParts<P extends { range: TimeRange }>(db: DeskDatabase, kind: MonthKind<P>, segments: readonly TimeRange[], range: TimeRange): { data: P[] | undefined; loading: boolean } {
  const [state, setState] = useState<{ data: P[] | undefined; loading: boolean }>({ data: undefined, loading: true });
  useEffect(() => {
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    return watchParts(
      db,
      kind,
      segments,
      range,
      (data) => setState({ data, loading: false }),
      (e) => {
        console.error(`reports: reading the ${kind.collection} failed`, e);
        setState((s) => ({ ...s, loading: false }));
      },
    );
  }, [db, kind, segments, range]);
  return state;
}

/** Everything a report for `period` reads (reportInput.ts), live: the report follows every change. */
export function useReport(period: Period, now: string, compareWith?: Period): { report: Report | null; loading: boolean } {
  const db = useDb();
  const q = useMemo(() => reportQueries(period, compareWith), [period, compareWith]);
  const visits = useParts(db, VISIT_MONTHS, q.visitSegments, q.range);
  const bookings = useLiveQuery(q.bookings, [q]);
  const loans = useParts(db, LOAN_MONTHS, q.loanSegments, q.loanRange);
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
      visitParts: visits.data,
      bookings: bookings.data,
      loanParts: loans.data,
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
  // Once the report is there: keep the months of its year and the year before (loans: and the look-back before it),
  // for a year's report that is then one click away (the months before the running one).
  const shown = report !== null;
  const yearStart = `${period.from.slice(0, 4)}-01-01`;
  useEffect(() => {
    if (!shown) return;
    // what a year's report reads (reportQueries), up to the running month
    const year = yearOf(yearStart);
    const { start, end } = reportReadRange(year);
    const to = monthKey(now) < end ? monthKey(now) : end;
    const stops = [warmMonths(db, VISIT_MONTHS, start, to), warmMonths(db, LOAN_MONTHS, loanReadStart(year), to)];
    return () => stops.forEach((stop) => stop());
  }, [db, shown, yearStart, now]);
  return { report, loading: loading && !report };
}
