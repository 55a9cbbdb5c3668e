import { describe, expect, it } from 'vitest';
import { computeReport, loanReadStart, reportReadRange } from './figures';
import { loan } from './testing';
import { reportFixture, NOW } from './fixture';
import { comparisonFor, monthOf, quarterOf, yearOf, type Period } from './period';
import { loanSegments, summariseLoans } from './loanParts';
import { isWholeMonth } from './visitParts';

/** (Any custom range, as a property: visitParts.test.ts, whose reference counts the loans as parts too.) */
const input = reportFixture();

/** The report counted from its loans one by one, and from the parts of the stretches `loanSegments` gives. */
function bothWays(period: Period, compareWith?: Period) {
  const loanParts = loanSegments(period, compareWith).map((range) => summariseLoans(input.loans, range));
  return [computeReport(input, period, compareWith), computeReport({ ...input, loans: [], loanParts, openLoans: input.loans.filter((l) => l.status === 'open') }, period, compareWith)] as const;
}

describe('loan parts', () => {
  it('cover the look-back and both periods without a gap, cut at months and at the periods’ ends', () => {
    const { current, previous } = comparisonFor(yearOf('2026-03-01'), '2026-03-20');
    const segs = loanSegments(current, previous);
    expect(segs[0]!.start).toBe(loanReadStart(current, previous));
    expect(segs[segs.length - 1]!.end).toBe(reportReadRange(current, previous).end);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
    // the look-back is whole months (from the first of October 2024, 90 days before the compared year went back to
    // 3 October), the compared period's end cuts its March in two (the rest is read for returns in the year of loans
    // that went out before it), the running month ends on the 21st
    expect(segs[0]).toEqual({ start: '2024-10-01T00:00', end: '2024-11-01T00:00' });
    expect(segs.filter((s) => !isWholeMonth(s)).map((s) => s.end)).toEqual(['2025-03-21T00:00', '2025-04-01T00:00', '2026-03-21T00:00']);
  });

  it('give the same report as the loans, for months, quarters, years and custom ranges', () => {
    const returned = input.loans.filter((l) => l.status === 'returned').length;
    expect(returned).toBeGreaterThan(0);
    for (const p of [monthOf('2026-03-01'), monthOf('2026-02-01'), quarterOf('2026-01-01'), yearOf('2026-01-01'), yearOf('2025-01-01')]) {
      const [a, b] = bothWays(p);
      expect(b).toEqual(a);
    }
    const { current, previous } = comparisonFor(monthOf(NOW.slice(0, 10)), NOW.slice(0, 10));
    const [a, b] = bothWays(current, previous);
    expect(a.current.loans.made + a.current.loans.returned + a.previous.loans.made).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('count a loan once: where it went out, and its return where the return falls', () => {
    const p = monthOf('2026-03-01');
    const one = loan({ status: 'returned', borrower: { personId: '', groupId: 'g1', name: 'Клуб', phone: '' }, items: [['i1', 2], ['i1', 1]], outAt: '2026-02-27T10:00', dueAt: '2026-03-03T10:00', returnedAt: '2026-03-02T12:00' });
    const only = { ...input, loans: [one] };
    const r = computeReport(only, p);
    const parts = computeReport({ ...only, loans: [], loanParts: loanSegments(p).map((s) => summariseLoans([one], s)), openLoans: [] }, p);
    expect(parts).toEqual(r);
    expect([r.current.loans.made, r.current.loans.returned, r.previous.loans.made, r.previous.loans.unitsLent, r.previous.loans.topItems[0]?.loans]).toEqual([0, 1, 1, 3, 1]);
    // out in January, before both periods (the look-back): only its return counts, in March
    const early = { ...one, outAt: '2026-01-20T10:00', dueAt: '2026-03-01T10:00' };
    const both = [computeReport({ ...input, loans: [early] }, p), computeReport({ ...input, loans: [], loanParts: loanSegments(p).map((s) => summariseLoans([early], s)), openLoans: [] }, p)];
    for (const x of both) expect([x.current.loans.made, x.current.loans.returned, x.previous.loans.made, x.previous.loans.returned]).toEqual([0, 1, 0, 0]);
  });
});
