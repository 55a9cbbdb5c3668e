/**
 * A report's loans as parts, as its visits are (visitParts.ts): what `computeReport` needs of the loans that went
 * out in one stretch of time, summed up. A whole calendar month's part is kept while none of its loans changes
 * (`renderer/features/reports/visitMonths.ts`), so a year's report after a restart reads the running month's loans
 * instead of two years' (~16,000 at a busy centre's tenth year). Exact by construction: every loan figure is a sum or
 * a per-item and per-group sum, and a loan counts as returned where its return falls, which the part keeps as the
 * return times themselves (a custom period may cut a month anywhere).
 */
import type { LocalDateTime } from '../db/types';
import { loanReadStart, reportReadRange, type ReportLoan } from './figures';
import { periodRange, previousPeriod, type Period, type TimeRange } from './period';
import { nextMonthStart } from './visitParts';

/** The loans that went out in one stretch, summed up. */
export interface LoanPart {
  /** The stretch (by `outAt`): inside one calendar month, and wholly inside the period, the compared period or neither. */
  range: TimeRange;
  /** Loans handed out (open or since returned; reservations and cancelled ones are not loans). */
  made: number;
  units: number;
  /** Per item: loans that include it, and units lent. */
  byItem: Map<string, { loans: number; units: number }>;
  /** Loans per borrowing group. */
  groupLoans: Map<string, number>;
  /** When each returned loan of the stretch came back (counted in the period the return falls in). */
  returnedAt: LocalDateTime[];
}

export function emptyLoanPart(range: TimeRange): LoanPart {
  return { range, made: 0, units: 0, byItem: new Map(), groupLoans: new Map(), returnedAt: [] };
}

/** Counts one loan into `part` (whatever its `outAt`: the caller chose the part). */
export function addLoan(part: LoanPart, l: ReportLoan): void {
  if (l.returnedAt && l.status === 'returned') part.returnedAt.push(l.returnedAt);
  if (l.status !== 'open' && l.status !== 'returned') return;
  part.made++;
  const seen = new Set<string>();
  for (const line of l.lines) {
    part.units += line.quantity;
    let it = part.byItem.get(line.itemId);
    if (!it) part.byItem.set(line.itemId, (it = { loans: 0, units: 0 }));
    if (!seen.has(line.itemId)) it.loans++;
    seen.add(line.itemId);
    it.units += line.quantity;
  }
  const group = l.borrower?.groupId;
  if (group) part.groupLoans.set(group, (part.groupLoans.get(group) ?? 0) + 1);
}

/** The part of `loans` that went out in `range` (the others are ignored). */
export function summariseLoans(loans: readonly ReportLoan[], range: TimeRange): LoanPart {
  const part = emptyLoanPart(range);
  for (const l of loans) if (l.outAt >= range.start && l.outAt < range.end) addLoan(part, l);
  return part;
}

/**
 * The stretches a report of `period` (against `compareWith`, or the period before) reads its loans in: from
 * `loanReadStart` (a look-back, for returns in the periods of loans that went out before) to the end of the later
 * period, cut at every month start and at both periods' ends. Whole months where the periods are whole months.
 */
export function loanSegments(period: Period, compareWith?: Period): TimeRange[] {
  const prev = compareWith ?? previousPeriod(period);
  const start = loanReadStart(period, compareWith);
  const { end } = reportReadRange(period, compareWith);
  const cuts = new Set<LocalDateTime>([start, end]);
  for (const r of [periodRange(period), periodRange(prev)]) for (const t of [r.start, r.end]) if (t > start && t < end) cuts.add(t);
  for (let t = nextMonthStart(start); t < end; t = nextMonthStart(t)) cuts.add(t);
  const sorted = [...cuts].sort();
  return sorted.slice(0, -1).map((s, i) => ({ start: s, end: sorted[i + 1]! }));
}
