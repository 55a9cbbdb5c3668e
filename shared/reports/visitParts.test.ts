import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeReport } from './figures';
import { reportFixture, NOW } from './fixture';
import { comparisonFor, customPeriod, monthOf, periodRange, quarterOf, yearOf, type Period } from './period';
import { isWholeMonth, summariseVisits, visitSegments } from './visitParts';
import { loanSegments, summariseLoans } from './loanParts';
import { addDays } from '../time';

const input = reportFixture();

/**
 * The report counted from its visits and loans one by one, and from the parts of the stretches `visitSegments` and
 * `loanSegments` give (loanParts.test.ts has the loans' own cases).
 */
function bothWays(period: Period, compareWith?: Period) {
  const parts = visitSegments(period, compareWith).map((range) => summariseVisits(input.visits, range));
  const loanParts = loanSegments(period, compareWith).map((range) => summariseLoans(input.loans, range));
  const openLoans = input.loans.filter((l) => l.status === 'open');
  return [computeReport(input, period, compareWith), computeReport({ ...input, visits: [], visitParts: parts, loans: [], loanParts, openLoans }, period, compareWith)] as const;
}

describe('visit (and loan) parts', () => {
  it('cut a running year into whole months and the running one, inside the two periods only', () => {
    const { current, previous } = comparisonFor(yearOf('2026-03-01'), '2026-03-20');
    const segs = visitSegments(current, previous);
    expect(segs.map((s) => [s.start, s.end, isWholeMonth(s)])).toEqual([
      ['2025-01-01T00:00', '2025-02-01T00:00', true],
      ['2025-02-01T00:00', '2025-03-01T00:00', true],
      ['2025-03-01T00:00', '2025-03-21T00:00', false],
      ['2026-01-01T00:00', '2026-02-01T00:00', true],
      ['2026-02-01T00:00', '2026-03-01T00:00', true],
      ['2026-03-01T00:00', '2026-03-21T00:00', false],
    ]);
  });

  it('give the same report as the visits, for months, quarters, years and custom ranges', () => {
    for (const p of [monthOf('2026-03-01'), monthOf('2026-02-01'), quarterOf('2026-01-01'), yearOf('2026-01-01')]) {
      const [a, b] = bothWays(p);
      expect(b).toEqual(a);
    }
    const { current, previous } = comparisonFor(monthOf(NOW.slice(0, 10)), NOW.slice(0, 10));
    const [a, b] = bothWays(current, previous);
    expect(a.current.visits.entries).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('give the same report for any custom range (property)', () => {
    const days = input.visits.map((v) => v.timeIn.slice(0, 10)).sort();
    const first = days[0]!;
    const span = Math.round((Date.parse(days[days.length - 1]!) - Date.parse(first)) / 86_400_000);
    fc.assert(
      fc.property(fc.integer({ min: -10, max: span + 10 }), fc.integer({ min: 0, max: 70 }), (start, length) => {
        const p = customPeriod(addDays(first, start), addDays(first, start + length));
        const [a, b] = bothWays(p);
        expect(b).toEqual(a);
        for (const s of visitSegments(p)) expect(s.start < s.end && s.start >= periodRange({ ...p, from: addDays(p.from, -length - 1) }).start).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
