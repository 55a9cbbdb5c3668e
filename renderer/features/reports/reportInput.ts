/**
 * What a report for a period reads, and how it becomes a Report: ONE code path for the Reports page (live, through
 * useReport) and for the network figures a desk publishes (once, through loadReport).
 */
import { SETTINGS_ID, readableJson, type DeskDatabase } from '@shared/db';
import { occurrencesInRange } from '@shared/bookings';
import { computeReport, loanReadStart, loanSegments, reportReadRange, visitSegments, type LoanPart, type Period, type Report, type ReportBooking, type ReportInput, type VisitPart } from '@shared/reports';
import { addDays } from '@shared/time';
import { LOAN_MONTHS, readParts, readVisitParts } from './visitMonths';

/**
 * The queries, by index for the period and the one before it only: visits by `timeIn` and loans by `outAt` (plus a
 * look-back so returns in the period count) in parts (a whole month's part is kept while its visits, or its loans,
 * do not change: visitMonths.ts), bookings by `start` (a day wider, for bookings that cross midnight) and the open
 * loans by `status` for "overdue now". Small directories are read whole.
 */
export function reportQueries(period: Period, compareWith?: Period) {
  const range = reportReadRange(period, compareWith);
  const loanStart = loanReadStart(period, compareWith);
  const bookingStart = `${addDays(range.start.slice(0, 10), -1)}T00:00`;
  return {
    range,
    visitSegments: visitSegments(period, compareWith),
    loanSegments: loanSegments(period, compareWith),
    loanRange: { start: loanStart, end: range.end },
    bookings: (db: DeskDatabase) => db.bookings.find({ selector: { start: { $gte: bookingStart, $lt: range.end } } }),
    openLoans: (db: DeskDatabase) => db.loans.find({ selector: { status: 'open' } }),
    series: (db: DeskDatabase) => db.series.find(),
    rooms: (db: DeskDatabase) => db.rooms.find(),
    groups: (db: DeskDatabase) => db.groups.find(),
    items: (db: DeskDatabase) => db.items.find(),
    merged: (db: DeskDatabase) => db.people.find({ selector: { mergedInto: { $gt: '' } } }),
    settings: (db: DeskDatabase) => db.settings.findOne(SETTINGS_ID),
  };
}

/** What the queries returned (plain JSON). */
export interface ReportData {
  visitParts: readonly VisitPart[];
  bookings: Parameters<typeof occurrencesInRange>[0];
  series: Parameters<typeof occurrencesInRange>[1];
  loanParts: readonly LoanPart[];
  openLoans: readonly ReportInput['loans'][number][];
  rooms: ReportInput['rooms'];
  groups: ReportInput['groups'];
  items: ReportInput['items'];
  merged: NonNullable<ReportInput['people']>;
  settings: ReportInput['settings'];
}

/** What computeReport counts for `data` (visits and loans as parts only). */
export function reportInputOf(data: ReportData, period: Period, now: string, compareWith?: Period): ReportInput {
  const range = reportReadRange(period, compareWith);
  // Stored bookings + occurrences of weekly series, cancelled ones included (reports count them).
  const occurrences = occurrencesInRange(data.bookings, data.series, range.start, range.end, { includeCancelled: true }) as unknown as ReportBooking[];
  return { visits: [], visitParts: data.visitParts, bookings: occurrences, loans: [], loanParts: data.loanParts, openLoans: data.openLoans, rooms: data.rooms, groups: data.groups, items: data.items, people: data.merged, settings: data.settings ?? null, now };
}

export function assembleReport(data: ReportData, period: Period, now: string, compareWith?: Period): Report {
  return computeReport(reportInputOf(data, period, now, compareWith), period, compareWith);
}

const json = <T,>(docs: Parameters<typeof readableJson>[0]): T => readableJson(docs) as T;

/** What a report reads, once (no live queries). */
export async function loadReportData(db: DeskDatabase, period: Period, now: string, compareWith?: Period): Promise<ReportData> {
  const q = reportQueries(period, compareWith);
  const [visitParts, bookings, loanParts, openLoans, series, rooms, groups, items, merged, settings] = await Promise.all([
    readVisitParts(db, q.visitSegments),
    q.bookings(db).exec(),
    readParts(db, LOAN_MONTHS, q.loanSegments),
    q.openLoans(db).exec(),
    q.series(db).exec(),
    q.rooms(db).exec(),
    q.groups(db).exec(),
    q.items(db).exec(),
    q.merged(db).exec(),
    q.settings(db).exec(),
  ]);
  return {
    visitParts,
    bookings: json(bookings),
    loanParts,
    openLoans: json(openLoans),
    series: json(series),
    rooms: json(rooms),
    groups: json(groups),
    items: json(items),
    merged: json(merged),
    settings: (settings?.toJSON() ?? null) as ReportData['settings'],
  };
}

/** The same report, read once (no live queries): for the figures a desk publishes to its network. */
export async function loadReport(db: DeskDatabase, period: Period, now: string): Promise<Report> {
  return assembleReport(await loadReportData(db, period, now), period, now);
}
