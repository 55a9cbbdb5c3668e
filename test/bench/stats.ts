/** Summary statistics and the printed table of the benchmark. */

export type MetricResult =
  | { name: string; unit: string; budget: number | null; samples: number[]; note?: string; baselineMs?: number }
  | { name: string; unit: string; budget: number | null; missing: string }
  | { name: string; unit: string; budget: number | null; error: string };

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, p95: quantile(s, 0.95), runs: s.length };
}

const fmt = (n: number): string => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(Math.abs(n) >= 10 ? 1 : 2)) : String(n));

export function verdict(r: MetricResult): string {
  if (!('samples' in r)) return '';
  if (r.budget === null) return 'report';
  const { median } = summary(r.samples);
  return Number.isFinite(median) && median <= r.budget ? 'ok' : 'MISS';
}

/** A time metric's median as a multiple of the yardstick measured right before it (test/bench/baseline.ts). */
export function baseRatio(r: MetricResult): string {
  if (!('samples' in r) || r.unit !== 'ms' || !r.baselineMs) return '';
  return `${fmt(summary(r.samples).median / r.baselineMs)}×`;
}

export function table(results: MetricResult[]): string {
  const rows: string[][] = [['metric', 'median', 'min', 'max', 'runs', '× base', 'unit', 'budget', 'ok/MISS']];
  for (const r of results) {
    const budget = r.budget === null ? 'report' : `≤ ${r.budget}`;
    if ('samples' in r) {
      const s = summary(r.samples);
      rows.push([r.name, fmt(s.median), fmt(s.min), fmt(s.max), String(s.runs), baseRatio(r), r.unit, budget, verdict(r) + (r.note ? `  (${r.note})` : '')]);
    } else if ('missing' in r) {
      rows.push([r.name, `n/a (feature missing: ${r.missing})`, '', '', '', '', r.unit, budget, '']);
    } else {
      rows.push([r.name, `ERROR: ${r.error}`, '', '', '', '', r.unit, budget, '']);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.min(60, Math.max(...rows.map((row) => (i === 1 && row[2] === '' ? 0 : row[i]!.length)))));
  return rows
    .map((row) =>
      row[2] === '' && row !== rows[0]
        ? [row[0]!.padEnd(widths[0]!), row[1]].join('  ')
        : row.map((c, i) => (i === 0 || i >= 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}

/**
 * Budgets on the long pass (issue 19): the interactive metrics within their own budget and ≤ 1.25× their 1-year
 * value, the month report ≤ 1.25×, a year's report ≤ 1 s, the heap ≤ 150 MB, the load ≤ 1.5× raw IndexedDB puts.
 * A metric not listed is reported with its ratio only.
 */
export const YEARS_BUDGETS: Record<string, { max?: number; ratio?: number }> = {
  open_to_interactive_ms: { ratio: 1.25 },
  calendar_day_rooms_ms: { ratio: 1.25 },
  calendar_week_ms: { ratio: 1.25 },
  calendar_month_ms: { ratio: 1.25 },
  search_keystroke_p95_ms: { ratio: 1.25 },
  visit_signin_ms: { ratio: 1.25 },
  loan_scan_ms: { ratio: 1.25 },
  poster_pdf_ms: { ratio: 1.25 },
  month_report_ms: { ratio: 1.25 },
  year_report_ms: { max: 1000 },
  js_heap_mb: { max: 150 },
  bulk_load_ratio: { max: 1.5 },
};

export interface YearsRow {
  name: string;
  one: number;
  many: number;
  ratio: number;
  budget: string;
  verdict: string;
}

/** Per metric: the 1-year and the N-year medians, their ratio, the N-year budget and whether it holds. */
export function yearsRows(one: MetricResult[], many: MetricResult[]): YearsRow[] {
  const rows: YearsRow[] = [];
  for (const m of many) {
    const o = one.find((r) => r.name === m.name);
    if (!('samples' in m) || !o || !('samples' in o)) continue;
    const a = summary(o.samples).median;
    const b = summary(m.samples).median;
    const rule = YEARS_BUDGETS[m.name];
    const own = m.budget !== null && !rule?.max ? m.budget : undefined;
    const limits = [own !== undefined ? `≤ ${own}` : '', rule?.ratio ? `≤ ${rule.ratio}× 1 y` : '', rule?.max ? `≤ ${rule.max}` : ''].filter(Boolean);
    const holds = (own === undefined || b <= own) && (!rule?.ratio || b / a <= rule.ratio) && (!rule?.max || b <= rule.max);
    rows.push({ name: m.name, one: a, many: b, ratio: b / a, budget: limits.join(', ') || 'report', verdict: limits.length ? (holds ? 'ok' : 'MISS') : 'report' });
  }
  return rows;
}

export function yearsTable(one: MetricResult[], many: MetricResult[]): string {
  const rows = [['metric', '1 year', 'N years', '×', 'budget at N years', 'ok/MISS'], ...yearsRows(one, many).map((r) => [r.name, fmt(r.one), fmt(r.many), `${fmt(r.ratio)}×`, r.budget, r.verdict])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
