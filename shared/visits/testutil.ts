/** Test helpers: random visits, and monthly figures computed the plain way to check privacy operations keep counts. */
import fc from 'fast-check';
import { VISIT_PURPOSES, type BookingDoc, type LoanDoc, type VisitDoc } from '../db/schemas';
import { visit } from '../people/testDocs';

export const visitArb = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  hour: fc.integer({ min: 8, max: 21 }),
  named: fc.constantFrom('person', 'free', 'anon'),
  purpose: fc.constantFrom(...VISIT_PURPOSES),
  adults: fc.integer({ min: 0, max: 500 }),
  children: fc.integer({ min: 0, max: 500 }),
  resident: fc.boolean(),
  booking: fc.constantFrom('', 'b1', 'b2'),
});

export type VisitSpec = typeof visitArb extends fc.Arbitrary<infer T> ? T : never;

/** Visits over ~13 months from 2025-01-01; about a third linked to people p0…p6, a third with free names. */
export function makeVisits(specs: readonly VisitSpec[]): VisitDoc[] {
  return specs.map((s, i) => {
    const d = new Date(Date.UTC(2025, 0, 1 + s.day));
    const date = d.toISOString().slice(0, 10);
    return visit(`v${i}`, {
      timeIn: `${date}T${String(s.hour).padStart(2, '0')}:15`,
      timeOut: `${date}T${String(s.hour).padStart(2, '0')}:45`,
      personId: s.named === 'person' ? `p${i % 7}` : '',
      name: s.named === 'free' ? `Гость ${i}` : '',
      anonymised: s.named === 'anon',
      notes: s.named === 'anon' ? '' : 'принёс пирог',
      purpose: s.purpose,
      adults: s.adults,
      children: s.children,
      resident: s.resident,
      bookingId: s.booking,
    });
  });
}

export function monthlyVisitCounts(visits: readonly VisitDoc[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (key: string, n: number) => (out[key] = (out[key] ?? 0) + n);
  for (const v of visits) {
    const month = v.timeIn.slice(0, 7);
    add(`${month}|entries`, 1);
    add(`${month}|people`, 1 + v.adults + v.children);
    add(`${month}|children`, v.children);
    add(`${month}|${v.purpose}`, 1 + v.adults + v.children);
    add(`${month}|resident=${v.resident}`, 1);
    add(`${month}|booking=${v.bookingId}`, 1);
  }
  return out;
}

export function loanCounts(loans: readonly LoanDoc[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of loans) {
    const key = `${l.outAt.slice(0, 7)}|${l.status}`;
    out[key] = (out[key] ?? 0) + l.lines.reduce((n, line) => n + line.quantity, 0);
  }
  return out;
}

export function bookingCounts(bookings: readonly BookingDoc[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of bookings) {
    const key = `${b.start.slice(0, 7)}|${b.category}|${b.local}`;
    out[key] = (out[key] ?? 0) + Math.max(0, b.actualAttendance) + 1;
  }
  return out;
}
