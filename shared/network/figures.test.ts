import { describe, expect, it } from 'vitest';
import { computeReport, customPeriod, funderTable, monthOf, quarterOf, yearOf } from '../reports';
import { NOW, reportFixture } from '../reports/fixture';
import { NETWORK_KEYS, figuresDoc, networkFigures, networkPeriod, networkPeriods, networkSection, periodKey, periodOfKey, sameFigures, sumFigures } from './figures';

describe('network figures', () => {
  const report = computeReport(reportFixture(), monthOf(NOW.slice(0, 10)));

  it('are the funder table’s own values of the month report (one code path), counts only', () => {
    const funder = new Map(funderTable(report).map((r) => [r.key, r.current]));
    const f = networkFigures(report);
    for (const k of NETWORK_KEYS) expect(f[k]).toBe(funder.get(k) ?? 0);
    const doc = figuresDoc('dubki', report, '2026-03-20T09:00:00Z');
    expect(doc._id).toBe(`figures:dubki:${NOW.slice(0, 7)}`);
    expect(Object.values(doc.figures).every((v) => typeof v === 'number')).toBe(true);
    expect(sameFigures(doc, { figures: { ...doc.figures } })).toBe(true);
    expect(sameFigures(doc, { figures: { ...doc.figures, visitEntries: doc.figures.visitEntries + 1 } })).toBe(false);
  });

  it('are published per calendar month, quarter and year (keys that give the period back), never for other periods', () => {
    expect(periodKey(monthOf('2026-03-20'))).toBe('2026-03');
    expect(periodKey(quarterOf('2026-03-20'))).toBe('2026-Q1');
    expect(periodKey(quarterOf('2026-11-02'))).toBe('2026-Q4');
    expect(periodKey(yearOf('2026-03-20'))).toBe('2026');
    expect(periodKey(customPeriod('2026-03-01', '2026-03-10'))).toBeNull();
    for (const p of [monthOf('2026-03-20'), quarterOf('2026-08-01'), yearOf('2026-01-01')]) expect(periodOfKey(periodKey(p)!)).toEqual(p);
    const quarter = figuresDoc('dubki', computeReport(reportFixture(), quarterOf(NOW.slice(0, 10))), 'x');
    expect(quarter.period).toBe('2026-Q1');
    expect(networkPeriods([{ period: '2026-02' }, { period: '2026' }, { period: '2026-Q1' }, { period: '2026-03' }])).toEqual({ month: ['2026-03', '2026-02'], quarter: ['2026-Q1'], year: ['2026'] });
  });

  it('the network total is the sum over the centres that published; the XLSX section has a row per centre and the total', () => {
    const a = networkFigures(report);
    const b = { ...a, visitEntries: 5, hoursUsed: 1.25 };
    const docs = [figuresDoc('a', report, 'x'), { ...figuresDoc('b', report, 'x'), figures: b }];
    const month = networkPeriod(['a', 'b', 'c'], docs, NOW.slice(0, 7));
    expect(month.rows.map((r) => r.figures === null)).toEqual([false, false, true]);
    expect(month.total).toEqual(sumFigures([a, b]));
    expect(month.total.visitEntries).toBe(a.visitEntries + 5);
    const section = networkSection(month, { title: 'N', centre: 'Centre', total: 'Total', indicator: (k) => k });
    expect(section.tables[0]!.rows.map((r) => r.cells[0])).toEqual(['a', 'b', 'c', 'Total']);
    expect(section.tables[0]!.rows[2]!.cells.slice(1).every((c) => c === null)).toBe(true);
  });
});
