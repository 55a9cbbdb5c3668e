/**
 * Builders of plain documents for report tests and benchmarks (no database, no expectations).
 * Only the fields reports read are meaningful; the rest are valid defaults.
 */
import type { BookingDoc } from '../db/schemas/bookings';
import type { LoanDoc } from '../db/schemas/loans';
import type { VisitPurpose } from '../db/schemas/visits';
import { loanReadStart, reportReadRange, type ReportBooking, type ReportLoan, type ReportVisit } from './figures';
import type { Period } from './period';

export function visit(timeIn: string, personId = '', purpose: VisitPurpose = 'visit', adults = 0, children = 0, bookingId = ''): ReportVisit {
  return { timeIn, personId, purpose, adults, children, bookingId };
}

export function booking(p: Partial<BookingDoc> & Pick<BookingDoc, 'id' | 'roomId' | 'start' | 'end'>): ReportBooking {
  return {
    sections: [],
    title: p.id,
    category: 'club',
    organiser: { kind: 'free', refId: '', name: '', phone: '' },
    local: true,
    actualAttendance: -1,
    headcount: { adults: 0, children: 0, residents: 0, guests: 0 },
    status: 'confirmed',
    price: 0,
    paid: false,
    ...p,
  };
}

export function loan(p: Partial<LoanDoc> & Pick<LoanDoc, 'outAt' | 'dueAt'> & { items?: [string, number][] }): ReportLoan {
  const { items = [], ...rest } = p;
  return {
    status: 'open',
    borrower: { personId: '', groupId: '', name: '', phone: '' },
    lines: items.map(([itemId, quantity]) => ({ itemId, quantity, returnedQuantity: 0, returnCondition: '', returnedAt: '', returnedBy: '' })),
    returnedAt: '',
    ...rest,
  };
}

/** A deterministic pseudo-random generator (mulberry32) for reproducible fixtures. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/**
 * The loans a report counted one by one before loans came in parts (the reference for the parts' tests): those out
 * from the look-back's start (`loanReadStart`) to the end of the later period.
 */
export function loansOfReport<L extends ReportLoan>(all: readonly L[], current: Period, previous?: Period): L[] {
  const start = loanReadStart(current, previous);
  const { end } = reportReadRange(current, previous);
  return all.filter((l) => l.outAt >= start && l.outAt < end);
}
