import type { Figures, Report } from './figures';

/** How a value is shown and formatted (screen, CSV, XLSX number formats). */
export type ValueKind = 'count' | 'hours' | 'money' | 'share' | 'decimal';

export interface Comparison {
  current: number | null;
  /** null when the figure has no meaningful previous value (e.g. "overdue now"). */
  previous: number | null;
  change: number | null;
  /** Relative change (0.25 = +25 %); null when the previous value is 0 or missing. */
  changeRatio: number | null;
}

export interface FunderRow extends Comparison {
  /** i18n key under `reports:indicator.*`. */
  key: string;
  kind: ValueKind;
}

export function compare(current: number | null, previous: number | null): Comparison {
  const change = current !== null && previous !== null ? roundTo(current - previous, 4) : null;
  const changeRatio = change !== null && previous ? roundTo(change / previous, 4) : null;
  return { current, previous, change, changeRatio };
}

const roundTo = (n: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

interface Indicator {
  key: string;
  kind: ValueKind;
  get: (f: Figures) => number | null;
  /** A "now" figure: not compared with the previous period. */
  snapshot?: boolean;
}

/** The indicators funders ask for, in the order of a grant report. */
export const INDICATORS: readonly Indicator[] = [
  { key: 'visitEntries', kind: 'count', get: (f) => f.visits.entries },
  { key: 'visitPeople', kind: 'count', get: (f) => f.visits.people },
  { key: 'uniquePeople', kind: 'count', get: (f) => f.visits.unique },
  { key: 'adults', kind: 'count', get: (f) => f.visits.adults },
  { key: 'children', kind: 'count', get: (f) => f.visits.children },
  { key: 'eventsHeld', kind: 'count', get: (f) => f.events.held },
  { key: 'eventsCancelled', kind: 'count', get: (f) => f.events.cancelled },
  { key: 'attendanceTotal', kind: 'count', get: (f) => f.events.attendanceTotal },
  { key: 'attendanceAverage', kind: 'decimal', get: (f) => f.events.attendanceAverage },
  { key: 'hoursBooked', kind: 'hours', get: (f) => f.rooms.bookedHours },
  { key: 'hoursUsed', kind: 'hours', get: (f) => f.rooms.usedHours },
  { key: 'hoursLocal', kind: 'hours', get: (f) => f.rooms.localHours },
  { key: 'hoursOutside', kind: 'hours', get: (f) => f.rooms.outsideHours },
  { key: 'occupancy', kind: 'share', get: (f) => f.rooms.occupancy },
  { key: 'rentals', kind: 'count', get: (f) => f.rentals.count },
  { key: 'rentalIncome', kind: 'money', get: (f) => f.rentals.income },
  { key: 'loansMade', kind: 'count', get: (f) => f.loans.made },
  { key: 'loansReturned', kind: 'count', get: (f) => f.loans.returned },
  { key: 'loansOverdueNow', kind: 'count', get: (f) => f.loans.overdueNow, snapshot: true },
  { key: 'itemsNotBorrowedShare', kind: 'share', get: (f) => f.loans.notBorrowedShare },
  { key: 'partnerOrganisations', kind: 'count', get: (f) => f.partners.partnerCount },
  { key: 'activeGroups', kind: 'count', get: (f) => f.partners.groupCount },
];

export function funderTable(report: Report): FunderRow[] {
  return INDICATORS.map((ind) => ({
    key: ind.key,
    kind: ind.kind,
    ...compare(ind.get(report.current), ind.snapshot ? null : ind.get(report.previous)),
  }));
}

/** Formats a value for people (screen, clipboard, CSV); `locale` is 'ru' or 'en'. Empty string for a missing value. */
export function formatValue(value: number | null, kind: ValueKind, locale: string, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '';
  const opts: Intl.NumberFormatOptions =
    kind === 'share'
      ? { style: 'percent', maximumFractionDigits: 1 }
      : kind === 'money' || kind === 'decimal' || kind === 'hours'
        ? { maximumFractionDigits: kind === 'money' ? 2 : 1 }
        : { maximumFractionDigits: 0 };
  if (signed) opts.signDisplay = 'exceptZero';
  return new Intl.NumberFormat(locale, opts).format(value);
}

export interface TableText {
  /** Header cells: indicator, period, previous period, change, change %. */
  header: [string, string, string, string, string];
  label: (key: string) => string;
  locale: string;
}

/** The funder table as rows of display strings (header first). */
export function funderTableCells(rows: readonly FunderRow[], text: TableText): string[][] {
  return [
    [...text.header],
    ...rows.map((r) => [
      text.label(r.key),
      formatValue(r.current, r.kind, text.locale),
      formatValue(r.previous, r.kind, text.locale),
      formatValue(r.change, r.kind === 'share' ? 'share' : r.kind, text.locale, true),
      formatValue(r.changeRatio, 'share', text.locale, true),
    ]),
  ];
}

/** Tab-separated text for the clipboard: pastes as a table into Word, Excel, LibreOffice and Google Docs. */
export function funderTableTsv(rows: readonly FunderRow[], text: TableText): string {
  const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
  return funderTableCells(rows, text)
    .map((cells) => cells.map(clean).join('\t'))
    .join('\n');
}
