import type { LocalDateTime } from '../db/types';
import { compareTime, rangesOverlap } from '../time';
import type { Holder, ItemLike, LoanError, LoanLike, LoanLine, Range } from './types';

/** Sentinels that sort before/after every real local time. */
const BEGINNING = '0000-01-01T00:00';
const FOREVER = '9999-12-31T23:59';

export function outstanding(line: Pick<LoanLine, 'quantity' | 'returnedQuantity'>): number {
  return Math.max(0, line.quantity - line.returnedQuantity);
}

/** Units of the item out on open loans right now. */
export function onLoan(itemId: string, loans: readonly LoanLike[]): number {
  let n = 0;
  for (const loan of loans) {
    if (loan.status !== 'open') continue;
    for (const line of loan.lines) if (line.itemId === itemId) n += outstanding(line);
  }
  return n;
}

/** Units physically on the shelf now. */
export function onShelf(item: Pick<ItemLike, 'id' | 'quantity'>, loans: readonly LoanLike[]): number {
  return item.quantity - onLoan(item.id, loans);
}

type Occupation = Holder;

/**
 * Everything that keeps units of the item off the shelf, as intervals [from, to):
 * - an open loan is off the shelf from now until it is due; an overdue loan until it comes back (forever);
 * - a reservation holds its range.
 */
export function occupations(itemId: string, loans: readonly LoanLike[], now: LocalDateTime, excludeLoanId = ''): Occupation[] {
  const out: Occupation[] = [];
  for (const loan of loans) {
    if (loan.id === excludeLoanId) continue;
    if (loan.status !== 'open' && loan.status !== 'reserved') continue;
    let quantity = 0;
    for (const line of loan.lines) {
      if (line.itemId !== itemId) continue;
      quantity += loan.status === 'open' ? outstanding(line) : line.quantity;
    }
    if (quantity <= 0) continue;
    const open = loan.status === 'open';
    out.push({
      loanId: loan.id,
      status: loan.status,
      name: loan.borrower.name,
      phone: loan.borrower.phone,
      bookingId: loan.bookingId,
      from: open ? BEGINNING : loan.outAt,
      to: open ? (compareTime(loan.dueAt, now) > 0 ? loan.dueAt : FOREVER) : loan.dueAt,
      quantity,
    });
  }
  return out;
}

/** Peak units held at any instant of [range.from, range.to) (exact sweep over half-open intervals). */
export function peakHeld(held: readonly Occupation[], range: Range): number {
  const inRange = held.filter((h) => rangesOverlap(h.from, h.to, range.from, range.to));
  const points = [range.from, ...inRange.map((h) => h.from).filter((t) => compareTime(t, range.from) > 0)];
  let peak = 0;
  for (const p of points) {
    let sum = 0;
    for (const h of inRange) if (compareTime(h.from, p) <= 0 && compareTime(p, h.to) < 0) sum += h.quantity;
    peak = Math.max(peak, sum);
  }
  return peak;
}

export interface Availability {
  /** Units owned. */
  total: number;
  /** On the shelf now. */
  onShelf: number;
  /** Units free over the whole range (never below 0). */
  available: number;
  /** Reservations of other people overlapping the range. */
  reservedBy: Holder[];
}

/** What can be promised of one item over [from, to) — for a loan starting now or a future reservation. */
export function availability(item: ItemLike, loans: readonly LoanLike[], range: Range, now: LocalDateTime, excludeLoanId = ''): Availability {
  const held = occupations(item.id, loans, now, excludeLoanId);
  const peak = peakHeld(held, range);
  return {
    total: item.quantity,
    onShelf: onShelf(item, loans),
    available: Math.max(0, item.quantity - peak),
    reservedBy: held.filter((h) => h.status === 'reserved' && rangesOverlap(h.from, h.to, range.from, range.to)),
  };
}

/**
 * Can `quantity` units be held over the range? Returns null when yes, otherwise
 * `loans.reserved` (with who reserved it) when reservations are what stands in the way, else `loans.notEnough`.
 */
export function checkHold(
  item: ItemLike,
  quantity: number,
  loans: readonly LoanLike[],
  range: Range,
  now: LocalDateTime,
  excludeLoanId = '',
): LoanError | null {
  const a = availability(item, loans, range, now, excludeLoanId);
  if (quantity <= a.available) return null;
  const withoutReservations = item.quantity - peakHeld(occupations(item.id, loans, now, excludeLoanId).filter((h) => h.status === 'open'), range);
  if (a.reservedBy.length > 0 && quantity <= withoutReservations) {
    return { code: 'loans.reserved', available: a.available, holders: a.reservedBy };
  }
  return { code: 'loans.notEnough', available: a.available };
}
