/**
 * A network's figures: each centre's desks publish one document per month, quarter and year with counts only, taken from the
 * centre's own month report (`computeReport` → the funder table's indicators: one code path, the same
 * definitions), into the network's figures database. The network page sums them.
 * Nothing here names a person: a document holds the centre's slug, the month and numbers.
 */
import { INDICATORS, monthOf, quarterOf, yearOf, type Period, type Report, type ReportSection } from '../reports';

/** Which of the report's indicators a network sees (all additive over centres). */
export const NETWORK_KEYS = ['visitEntries', 'visitPeople', 'uniquePeople', 'eventsHeld', 'attendanceTotal', 'hoursBooked', 'hoursUsed', 'loansMade', 'partnerOrganisations'] as const;
export type NetworkKey = (typeof NETWORK_KEYS)[number];
export type NetworkFigures = Record<NetworkKey, number>;

/** `_local` document in each centre's settings database: the networks its desks publish to. */
export const NETWORKS_LOCAL_DOC = 'sosedi-networks';
/** `_local` document in a network's figures database: the network's centres. */
export const NETWORK_LOCAL_DOC = 'sosedi-network';

export const FIGURES_DOC_TYPE = 'sosedi-figures';
export const FIGURES_VERSION = 1;
/** Every field a figure document may have (the server's validate_doc_update allows nothing else). */
export const FIGURES_DOC_FIELDS = ['type', 'version', 'centre', 'period', 'figures', 'publishedAt'] as const;

export interface FiguresDoc {
  _id: string;
  _rev?: string;
  type: typeof FIGURES_DOC_TYPE;
  version: number;
  centre: string;
  /** The period's key: YYYY-MM (a month), YYYY-Qn (a quarter), YYYY (a year). */
  period: string;
  figures: NetworkFigures;
  /** ISO instant of the desk's last change of these figures. */
  publishedAt: string;
}

export const figuresDocId = (centre: string, period: string): string => `figures:${centre}:${period}`;

/** A whole calendar month, quarter or year as a key (YYYY-MM, YYYY-Qn, YYYY); null for any other period. */
export function periodKey(p: Period): string | null {
  const exact = (q: Period) => q.from === p.from && q.to === p.to;
  if (p.kind === 'month' && exact(monthOf(p.from))) return p.from.slice(0, 7);
  if (p.kind === 'quarter' && exact(quarterOf(p.from))) return `${p.from.slice(0, 4)}-Q${Math.floor((+p.from.slice(5, 7) - 1) / 3) + 1}`;
  if (p.kind === 'year' && exact(yearOf(p.from))) return p.from.slice(0, 4);
  return null;
}

/** The period of a key (null for anything else). */
export function periodOfKey(key: string): Period | null {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(key);
  if (!m) return null;
  if (m[2]) return monthOf(`${m[1]}-${m[2]}-01`);
  if (m[3]) return quarterOf(`${m[1]}-${String((+m[3] - 1) * 3 + 1).padStart(2, '0')}-01`);
  return yearOf(`${m[1]}-01-01`);
}

/** The network's figures of a centre's month report: the same indicator getters as the report's funder table. */
export function networkFigures(report: Report): NetworkFigures {
  const out = {} as NetworkFigures;
  for (const key of NETWORK_KEYS) {
    const indicator = INDICATORS.find((i) => i.key === key);
    if (!indicator) throw new Error(`unknown indicator ${key}`);
    out[key] = indicator.get(report.current) ?? 0;
  }
  return out;
}

export function figuresDoc(centre: string, report: Report, publishedAt: string): FiguresDoc {
  const period = periodKey(report.period);
  if (!period) throw new Error('network figures are published per calendar month, quarter and year');
  return { _id: figuresDocId(centre, period), type: FIGURES_DOC_TYPE, version: FIGURES_VERSION, centre, period, figures: networkFigures(report), publishedAt };
}

/** True when the two documents hold the same counts (a desk publishes only a change). */
export function sameFigures(a: Pick<FiguresDoc, 'figures'> | null | undefined, b: Pick<FiguresDoc, 'figures'>): boolean {
  return !!a && NETWORK_KEYS.every((k) => a.figures?.[k] === b.figures[k]);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The network's total: the sum of the centres' figures (hours to 2 decimals, as the report rounds them). */
export function sumFigures(list: readonly NetworkFigures[]): NetworkFigures {
  const out = Object.fromEntries(NETWORK_KEYS.map((k) => [k, 0])) as NetworkFigures;
  for (const f of list) for (const k of NETWORK_KEYS) out[k] = round2(out[k] + (f[k] ?? 0));
  return out;
}

/** The network's periods that have any figures by kind, newest first. */
export function networkPeriods(docs: readonly Pick<FiguresDoc, 'period'>[]): { month: string[]; quarter: string[]; year: string[] } {
  const keys = [...new Set(docs.map((d) => d.period))].sort().reverse();
  const kind = (k: string) => periodOfKey(k)?.kind;
  return { month: keys.filter((k) => kind(k) === 'month'), quarter: keys.filter((k) => kind(k) === 'quarter'), year: keys.filter((k) => kind(k) === 'year') };
}

interface NetworkRow {
  centre: string;
  /** null: the centre has not published this period. */
  figures: NetworkFigures | null;
}

/** One period of the network: a row per centre (in the network's order) and the total of those that published. */
export function networkPeriod(centres: readonly string[], docs: readonly FiguresDoc[], period: string): { rows: NetworkRow[]; total: NetworkFigures } {
  const rows = centres.map((centre) => ({ centre, figures: docs.find((d) => d.centre === centre && d.period === period)?.figures ?? null }));
  return { rows, total: sumFigures(rows.flatMap((r) => (r.figures ? [r.figures] : []))) };
}

/** The period as a report section (the Reports page's XLSX export reads it): centres down, the indicators across. */
export function networkSection(month: ReturnType<typeof networkPeriod>, text: { title: string; centre: string; total: string; indicator: (key: NetworkKey) => string }): ReportSection {
  const kind = (key: NetworkKey) => INDICATORS.find((i) => i.key === key)?.kind ?? 'count';
  return {
    key: 'network',
    title: text.title,
    tables: [
      {
        key: 'network',
        title: text.title,
        columns: [{ label: text.centre, kind: 'text' }, ...NETWORK_KEYS.map((k) => ({ label: text.indicator(k), kind: kind(k) }))],
        rows: [...month.rows, { centre: text.total, figures: month.total }].map((r) => ({ cells: [r.centre, ...NETWORK_KEYS.map((k) => r.figures?.[k] ?? null)] })),
      },
    ],
  };
}
