/**
 * A report's visits as parts: what `computeReport` needs of the visits of one stretch of time, summed up. A part of
 * a whole calendar month can be kept and reused while no visit of that month changes (the renderer's month cache,
 * `renderer/features/reports/visitMonths.ts`), so a year's report reads its closed months' ~5,000 visits each once
 * instead of ~120,000 visits on every click. Exact by construction: every figure computed from visits is a sum, a
 * per-weekday-and-hour count or a set, and the sets keep the ids, not a count (a person seen in two months is one
 * participant of the year). Merges of duplicates are followed when the report is computed, not when a part is made,
 * so a merge changes no part.
 */
import type { LocalDateTime } from '../db/types';
import { VISIT_PURPOSES, type VisitPurpose } from '../db/schemas/visits';
import { weekdayIndex } from '../time';
import { periodRange, previousPeriod, type Period, type TimeRange } from './period';
import type { ReportVisit, VisitFigures } from './figures';

/** The visit figures of one stretch, with the sets behind the distinct counts instead of the counts. */
export interface VisitPart extends Omit<VisitFigures, 'unique'> {
  /** The stretch summed up: inside one calendar month, and wholly inside the period, the compared period or neither. */
  range: TimeRange;
  /**
   * The people who signed in, as `year|personId` (a participant is a person in a calendar year; their visitor key is
   * made, with merges followed, when the report is computed).
   */
  personIds: Set<string>;
  /** The visitor keys of anonymised visits. */
  keys: Set<string>;
  /** People each linked booking got from these visits (visitor plus companions). */
  linkedPeople: Map<string, number>;
}

/** The start of the month after the one `t` falls in. */
export const nextMonthStart = (t: LocalDateTime): LocalDateTime => {
  const y = +t.slice(0, 4);
  const m = +t.slice(5, 7);
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01T00:00` : `${t.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01T00:00`;
};

/** True when `range` is exactly one calendar month. */
export function isWholeMonth(range: TimeRange): boolean {
  return range.start.slice(7) === '-01T00:00' && range.end === nextMonthStart(range.start);
}

/**
 * The stretches a report of `period` (against `compareWith`, or the period before) reads its visits in: cut at every
 * month start and at both periods' ends, only those inside one of the two periods. A period of whole months gives
 * whole months only; a period still running gives its last, partial month as one stretch.
 */
export function visitSegments(period: Period, compareWith?: Period): TimeRange[] {
  const ranges = [periodRange(period), periodRange(compareWith ?? previousPeriod(period))];
  const cuts = new Set<LocalDateTime>();
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
    for (let t = nextMonthStart(r.start); t < r.end; t = nextMonthStart(t)) cuts.add(t);
  }
  const sorted = [...cuts].sort();
  const out: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const range = { start: sorted[i]!, end: sorted[i + 1]! };
    if (ranges.some((r) => range.start >= r.start && range.end <= r.end)) out.push(range);
  }
  return out;
}

/** A part with nothing counted yet. */
export function emptyVisitPart(range: TimeRange): VisitPart {
  return {
    range,
    entries: 0,
    people: 0,
    adults: 0,
    children: 0,
    withoutPerson: 0,
    byPurpose: Object.fromEntries(VISIT_PURPOSES.map((p) => [p, 0])) as Record<VisitPurpose, number>,
    heatmap: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
    personIds: new Set(),
    keys: new Set(),
    linkedPeople: new Map(),
  };
}

/** Counts one visit into `part` (`weekdayOf`: a cache of weekdays by date, shared by the calls of one pass). */
export function addVisit(part: VisitPart, v: ReportVisit, weekdayOf: Map<string, number>): void {
  const adults = 1 + (v.adults || 0);
  const children = v.children || 0;
  part.entries++;
  part.adults += adults;
  part.children += children;
  part.people += adults + children;
  part.byPurpose[v.purpose] = (part.byPurpose[v.purpose] ?? 0) + 1;
  if (v.personId) part.personIds.add(`${v.timeIn.slice(0, 4)}|${v.personId}`);
  else if (v.visitorKey) part.keys.add(v.visitorKey);
  else part.withoutPerson++;
  const date = v.timeIn.slice(0, 10);
  let wd = weekdayOf.get(date);
  if (wd === undefined) weekdayOf.set(date, (wd = weekdayIndex(date)));
  const hour = (v.timeIn.charCodeAt(11) - 48) * 10 + (v.timeIn.charCodeAt(12) - 48);
  if (hour >= 0 && hour < 24) part.heatmap[wd]![hour]!++;
  if (v.bookingId) part.linkedPeople.set(v.bookingId, (part.linkedPeople.get(v.bookingId) ?? 0) + adults + children);
}

/** The part of `visits` whose sign-in falls in `range` (the others are ignored). */
export function summariseVisits(visits: readonly ReportVisit[], range: TimeRange): VisitPart {
  const part = emptyVisitPart(range);
  const weekdayOf = new Map<string, number>();
  for (const v of visits) if (v.timeIn >= range.start && v.timeIn < range.end) addVisit(part, v, weekdayOf);
  return part;
}

/** The start of the calendar month a sign-in time falls in: the key of that month's part. */
export const monthKey = (t: string): LocalDateTime => `${t.slice(0, 7)}-01T00:00`;
