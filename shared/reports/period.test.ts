import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparisonFor, customPeriod, defaultReportPeriod, inRange, monthOf, periodDays, periodRange, previousPeriod, quarterOf, yearOf } from './period';
import { computeReport } from './figures';
import { visit } from './testing';

describe('report periods', () => {
  it('month, quarter and year contain the date and have calendar bounds', () => {
    expect(monthOf('2024-02-15')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(quarterOf('2026-05-31')).toEqual({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(yearOf('2026-12-31')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });

  it('the previous period is the previous calendar unit, or the same number of days for a custom one', () => {
    expect(previousPeriod(monthOf('2026-01-10'))).toEqual({ kind: 'month', from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod(monthOf('2026-03-10'))).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(quarterOf('2026-02-01'))).toEqual({ kind: 'quarter', from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod(yearOf('2026-06-01'))).toEqual({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod(customPeriod('2026-03-10', '2026-03-01'))).toEqual({ kind: 'custom', from: '2026-02-19', to: '2026-02-28' });
  });

  it('a custom period and the one before it are adjacent and equally long (property)', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const p = customPeriod(a, b);
        const prev = previousPeriod(p);
        expect(periodDays(prev)).toBe(periodDays(p));
        expect(periodRange(prev).end).toBe(periodRange(p).start);
      }),
    );
  });


  it('a range includes its first minute and excludes the next day', () => {
    const r = periodRange(monthOf('2026-03-05'));
    expect(inRange('2026-03-01T00:00', r)).toBe(true);
    expect(inRange('2026-03-31T23:59:59', r)).toBe(true);
    expect(inRange('2026-04-01T00:00', r)).toBe(false);
    expect(inRange('2026-02-28T23:59', r)).toBe(false);
  });
});

describe('comparing like with like', () => {
  it('opens on the last complete month, compared with the whole month before it', () => {
    const p = defaultReportPeriod('2026-12-04');
    expect(p).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(comparisonFor(p, '2026-12-04')).toEqual({ current: p, previous: { kind: 'month', from: '2026-10-01', to: '2026-10-31' }, basis: 'whole' });
    expect(defaultReportPeriod('2027-01-01')).toEqual({ kind: 'month', from: '2026-12-01', to: '2026-12-31' });
  });

  it('a month still running compares its days so far with the same days of the month before', () => {
    expect(comparisonFor(monthOf('2026-12-04'), '2026-12-04')).toEqual({
      current: { kind: 'month', from: '2026-12-01', to: '2026-12-04' },
      previous: { kind: 'custom', from: '2026-11-01', to: '2026-11-04' },
      basis: 'sameDays',
    });
    // 31 March against February: the shorter month is not overrun
    expect(comparisonFor(monthOf('2026-03-31'), '2026-03-30').previous).toEqual({ kind: 'custom', from: '2026-02-01', to: '2026-02-28' });
  });

  it('the same days make the same figures: four days of December are not set against all of November', () => {
    const visits = [] as ReturnType<typeof visit>[];
    for (let d = 1; d <= 30; d++) visits.push(visit(`2026-11-${String(d).padStart(2, '0')}T10:00`));
    for (let d = 1; d <= 4; d++) visits.push(visit(`2026-12-0${d}T10:00`));
    const input = { visits, bookings: [], rooms: [], groups: [], items: [], loans: [], settings: null, now: '2026-12-04T18:00' };
    const cmp = comparisonFor(monthOf('2026-12-04'), '2026-12-04');
    const report = computeReport(input, cmp.current, cmp.previous);
    expect([report.current.visits.entries, report.previous.visits.entries]).toEqual([4, 4]);
  });
});
