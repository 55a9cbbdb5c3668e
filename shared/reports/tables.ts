import { BOOKING_CATEGORIES } from '../db/schemas/bookings';
import { VISIT_PURPOSES } from '../db/schemas/visits';
import type { Figures, Report } from './figures';
import { compare, funderTable, type ValueKind } from './funderTable';

/**
 * The report as plain tables: one intermediate form that the XLSX, CSV and print exports
 * (and tests) read, so the three never disagree. Labels come from the caller's translate function
 * (`t('indicator.visitEntries')` etc., keys of the `reports` namespace); values stay numbers.
 */
export type CellKind = ValueKind | 'text' | 'date';
export type Cell = string | number | null;

export interface Column {
  label: string;
  kind: CellKind;
  /** When false, a row's own `kind` (if any) overrides this column's kind for numbers. */
  fixed?: boolean;
}

export interface TableRow {
  cells: Cell[];
  kind?: ValueKind;
}

export interface ReportTable {
  key: string;
  title: string;
  columns: Column[];
  rows: TableRow[];
}

export interface ReportSection {
  key: string;
  title: string;
  tables: ReportTable[];
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function cellKind(column: Column, row: TableRow): CellKind {
  return column.fixed === false && row.kind ? row.kind : column.kind;
}

function comparisonColumns(t: Translate, first: string): Column[] {
  return [
    { label: first, kind: 'text' },
    { label: t('column.current'), kind: 'count', fixed: false },
    { label: t('column.previous'), kind: 'count', fixed: false },
    { label: t('column.change'), kind: 'count', fixed: false },
    { label: t('column.changePercent'), kind: 'share' },
  ];
}

type Line = [label: string, kind: ValueKind, get: (f: Figures) => number | null];

function comparisonTable(key: string, t: Translate, report: Report, first: string, lines: Line[]): ReportTable {
  return {
    key,
    title: t(`table.${key}`),
    columns: comparisonColumns(t, first),
    rows: lines.map(([label, kind, get]) => {
      const c = compare(get(report.current), get(report.previous));
      return { kind, cells: [label, c.current, c.previous, c.change, c.changeRatio] };
    }),
  };
}

export function reportTables(report: Report, t: Translate): ReportSection[] {
  const cur = report.current;
  const ind = (k: string): string => t(`indicator.${k}`);
  const summary: ReportSection = {
    key: 'summary',
    title: t('section.summary'),
    tables: [
      {
        key: 'period',
        title: t('table.period'),
        columns: [
          { label: '', kind: 'text' },
          { label: t('column.from'), kind: 'date' },
          { label: t('column.to'), kind: 'date' },
        ],
        rows: [
          { cells: [t('column.current'), report.period.from, report.period.to] },
          { cells: [t('column.previous'), report.previousPeriod.from, report.previousPeriod.to] },
        ],
      },
      {
        key: 'funder',
        title: t('table.funder'),
        columns: comparisonColumns(t, t('column.indicator')),
        rows: funderTable(report).map((r) => ({ kind: r.kind, cells: [ind(r.key), r.current, r.previous, r.change, r.changeRatio] })),
      },
    ],
  };

  const visits: ReportSection = {
    key: 'visits',
    title: t('section.visits'),
    tables: [
      comparisonTable('visitTotals', t, report, t('column.indicator'), [
        [ind('visitEntries'), 'count', (f) => f.visits.entries],
        [ind('visitPeople'), 'count', (f) => f.visits.people],
        [ind('uniquePeople'), 'count', (f) => f.visits.unique],
        [ind('withoutPerson'), 'count', (f) => f.visits.withoutPerson],
        [ind('adults'), 'count', (f) => f.visits.adults],
        [ind('children'), 'count', (f) => f.visits.children],
      ]),
      comparisonTable(
        'byPurpose',
        t,
        report,
        t('column.purpose'),
        VISIT_PURPOSES.map((p): Line => [t(`purpose.${p}`), 'count', (f) => f.visits.byPurpose[p]]),
      ),
      {
        key: 'heatmap',
        title: t('table.heatmap'),
        columns: [
          { label: t('column.weekday'), kind: 'text' },
          ...Array.from({ length: 24 }, (_, h): Column => ({ label: `${String(h).padStart(2, '0')}`, kind: 'count' })),
        ],
        rows: cur.visits.heatmap.map((hours, wd) => ({ cells: [t(`weekday.${wd}`), ...hours] })),
      },
    ],
  };

  const events: ReportSection = {
    key: 'events',
    title: t('section.events'),
    tables: [
      comparisonTable('eventTotals', t, report, t('column.indicator'), [
        [ind('eventsHeld'), 'count', (f) => f.events.held],
        [ind('eventsUpcoming'), 'count', (f) => f.events.upcoming],
        [ind('eventsCancelled'), 'count', (f) => f.events.cancelled],
        [ind('attendanceTotal'), 'count', (f) => f.events.attendanceTotal],
        [ind('attendanceCounted'), 'count', (f) => f.events.attendanceCounted],
        [ind('attendanceAverage'), 'decimal', (f) => f.events.attendanceAverage],
      ]),
      comparisonTable(
        'eventsByCategory',
        t,
        report,
        t('column.category'),
        BOOKING_CATEGORIES.map((c): Line => [t(`category.${c}`), 'count', (f) => f.events.heldByCategory[c]]),
      ),
    ],
  };

  const rooms: ReportSection = {
    key: 'rooms',
    title: t('section.rooms'),
    tables: [
      comparisonTable('roomTotals', t, report, t('column.indicator'), [
        [ind('hoursBooked'), 'hours', (f) => f.rooms.bookedHours],
        [ind('hoursUsed'), 'hours', (f) => f.rooms.usedHours],
        [ind('hoursCancelled'), 'hours', (f) => f.rooms.cancelledHours],
        [ind('hoursLocal'), 'hours', (f) => f.rooms.localHours],
        [ind('hoursOutside'), 'hours', (f) => f.rooms.outsideHours],
        [ind('bookingsLocal'), 'count', (f) => f.rooms.localBookings],
        [ind('bookingsOutside'), 'count', (f) => f.rooms.outsideBookings],
        [ind('openHours'), 'hours', (f) => f.rooms.openHours],
        [ind('occupancy'), 'share', (f) => f.rooms.occupancy],
      ]),
      {
        key: 'byRoom',
        title: t('table.byRoom'),
        columns: [
          { label: t('column.room'), kind: 'text' },
          { label: t('column.bookings'), kind: 'count' },
          { label: t('column.hoursBooked'), kind: 'hours' },
          { label: t('column.hoursUsed'), kind: 'hours' },
          { label: t('column.openHours'), kind: 'hours' },
          { label: t('column.occupancy'), kind: 'share' },
        ],
        rows: cur.rooms.rooms.map((r) => ({ cells: [r.name, r.bookings, r.bookedHours, r.usedHours, r.openHours, r.occupancy] })),
      },
      comparisonTable(
        'hoursByCategory',
        t,
        report,
        t('column.category'),
        BOOKING_CATEGORIES.map((c): Line => [t(`category.${c}`), 'hours', (f) => f.rooms.bookedHoursByCategory[c]]),
      ),
    ],
  };

  const rentalColumns = (first: string): Column[] => [
    { label: first, kind: 'text' },
    { label: t('column.bookings'), kind: 'count' },
    { label: t('column.hoursBooked'), kind: 'hours' },
    { label: t('column.income'), kind: 'money' },
  ];
  const rentals: ReportSection = {
    key: 'rentals',
    title: t('section.rentals'),
    tables: [
      comparisonTable('rentalTotals', t, report, t('column.indicator'), [
        [ind('rentals'), 'count', (f) => f.rentals.count],
        [ind('rentalHours'), 'hours', (f) => f.rentals.hours],
        [ind('rentalIncome'), 'money', (f) => f.rentals.income],
        [ind('rentalPaid'), 'money', (f) => f.rentals.paid],
        [ind('rentalUnpaid'), 'money', (f) => f.rentals.unpaid],
      ]),
      {
        key: 'rentalsByRoom',
        title: t('table.rentalsByRoom'),
        columns: rentalColumns(t('column.room')),
        rows: cur.rentals.byRoom.map((r) => ({ cells: [r.name, r.count, r.hours, r.income] })),
      },
      {
        key: 'rentalsByOrganiser',
        title: t('table.rentalsByOrganiser'),
        columns: rentalColumns(t('column.organiser')),
        rows: cur.rentals.byOrganiser.map((r) => ({ cells: [r.name, r.count, r.hours, r.income] })),
      },
    ],
  };

  const loans: ReportSection = {
    key: 'loans',
    title: t('section.loans'),
    tables: [
      comparisonTable('loanTotals', t, report, t('column.indicator'), [
        [ind('loansMade'), 'count', (f) => f.loans.made],
        [ind('unitsLent'), 'count', (f) => f.loans.unitsLent],
        [ind('loansReturned'), 'count', (f) => f.loans.returned],
        [ind('itemsTotal'), 'count', (f) => f.loans.itemsTotal],
        [ind('itemsNotBorrowed'), 'count', (f) => f.loans.itemsNotBorrowed],
        [ind('itemsNotBorrowedShare'), 'share', (f) => f.loans.notBorrowedShare],
      ]),
      {
        key: 'overdue',
        title: t('table.overdue'),
        columns: [
          { label: t('column.indicator'), kind: 'text' },
          { label: t('column.now'), kind: 'count' },
        ],
        rows: [{ cells: [ind('loansOverdueNow'), cur.loans.overdueNow] }],
      },
      {
        key: 'topItems',
        title: t('table.topItems'),
        columns: [
          { label: t('column.item'), kind: 'text' },
          { label: t('column.loans'), kind: 'count' },
          { label: t('column.units'), kind: 'count' },
        ],
        rows: cur.loans.topItems.map((i) => ({ cells: [i.name, i.loans, i.units] })),
      },
    ],
  };

  const partners: ReportSection = {
    key: 'partners',
    title: t('section.partners'),
    tables: [
      comparisonTable('partnerTotals', t, report, t('column.indicator'), [
        [ind('partnerOrganisations'), 'count', (f) => f.partners.partnerCount],
        [ind('activeGroups'), 'count', (f) => f.partners.groupCount],
      ]),
      {
        key: 'activeGroups',
        title: t('table.activeGroups'),
        columns: [
          { label: t('column.name'), kind: 'text' },
          { label: t('column.kind'), kind: 'text' },
          { label: t('column.bookings'), kind: 'count' },
          { label: t('column.loans'), kind: 'count' },
        ],
        rows: cur.partners.active.map((g) => ({ cells: [g.name, t(`groupKind.${g.kind}`), g.bookings, g.loans] })),
      },
    ],
  };

  return [summary, visits, events, rooms, rentals, loans, partners];
}
