/**
 * Weekly series (clubs): RFC 5545 RRULE via the `rrule` library, expanded in floating local time.
 *
 * DTSTART is a local wall-clock time; it is handed to rrule as a UTC Date whose fields are the local
 * fields ("UTC as local"), so expansion never shifts across DST changes or machine time zones.
 * Occurrences are computed for the asked range only. Exceptions are keyed by the occurrence's
 * original local date (see `occurrenceKey`), so they survive a change of the series' time of day.
 */
import * as rruleModule from 'rrule';
import type { LocalDate, LocalDateTime } from '../db/types';
import type { SeriesDoc, SeriesException } from '../db/schemas/series';
import { WEEKDAYS, type Weekday } from '../db/schemas/settings';
import { addDays, addMinutes, datePart, timePart, toMinutes } from '../time';
import { atTime, fromFloatingDate, toFloatingDate } from './time';
import {
  emptyBooking,
  occurrenceKey,
  sameOccurrence,
  type BookingFields,
  type BookingTemplate,
  type Occurrence,
  type SeriesFields,
} from './model';
import { findClashes, type Clash } from './conflicts';

// rrule ships ESM for bundlers and a UMD build for Node; take the class from whichever shape we got.
const RRule: typeof rruleModule.RRule =
  (rruleModule as { RRule?: typeof rruleModule.RRule }).RRule ??
  (rruleModule as unknown as { default: { RRule: typeof rruleModule.RRule } }).default.RRule;

/** What the booking form's "repeat" part says. Exactly one of `until` / `count` ends the series. */
export interface RepeatRule {
  days: Weekday[];
  /** Every N weeks (1 = weekly). */
  interval: number;
  /** Last date (inclusive) or '' when `count` ends the series. */
  until: LocalDate | '';
  /** Number of occurrences, 0 when `until` ends the series. */
  count: number;
}

export type RepeatRuleError =
  | 'series.no-days'
  | 'series.bad-interval'
  | 'series.no-end'
  | 'series.both-ends'
  | 'series.until-before-start'
  | 'series.bad-count';

/** The longest a series is looked at when it has no end (clash checks, span). */
export const OPEN_SERIES_HORIZON_DAYS = 731;
/** Hard cap on occurrences produced by one expansion (bounded loops). */
export const MAX_OCCURRENCES = 5000;

/** Validation codes for a repeat rule; empty = valid. */
export function validateRepeatRule(rule: RepeatRule, firstDate?: LocalDate): RepeatRuleError[] {
  const errors: RepeatRuleError[] = [];
  if (rule.days.length === 0) errors.push('series.no-days');
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > 52) errors.push('series.bad-interval');
  if (!rule.until && !rule.count) errors.push('series.no-end');
  if (rule.until && rule.count) errors.push('series.both-ends');
  if (rule.count && (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > 1000)) errors.push('series.bad-count');
  if (rule.until && firstDate && rule.until < firstDate) errors.push('series.until-before-start');
  return errors;
}

const compactUntil = (date: LocalDate): string => `${date.replaceAll('-', '')}T235959`;

/** "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;WKST=MO;UNTIL=20270531T235959" (UNTIL floating, like DTSTART). */
export function buildRRule(rule: RepeatRule): string {
  const days = WEEKDAYS.filter((d) => rule.days.includes(d)).map((d) => d.toUpperCase());
  const parts = [`FREQ=WEEKLY`, `INTERVAL=${Math.max(1, Math.floor(rule.interval))}`, `BYDAY=${days.join(',')}`, 'WKST=MO'];
  if (rule.until) parts.push(`UNTIL=${compactUntil(rule.until)}`);
  else if (rule.count) parts.push(`COUNT=${rule.count}`);
  return parts.join(';');
}

/** Reads a weekly RRULE back into the form's shape (unknown parts are ignored). */
export function parseRRule(rrule: string): RepeatRule {
  const fields = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [k, v] = part.split('=');
    if (k && v !== undefined) fields.set(k.toUpperCase(), v);
  }
  const days = (fields.get('BYDAY') ?? '')
    .split(',')
    .map((d) => d.trim().slice(-2).toLowerCase())
    .filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  const until = fields.get('UNTIL');
  return {
    days: WEEKDAYS.filter((d) => days.includes(d)),
    interval: Number(fields.get('INTERVAL') ?? 1) || 1,
    until: until ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : '',
    count: Number(fields.get('COUNT') ?? 0) || 0,
  };
}

const ruleCache = new Map<string, rruleModule.RRule>();
const WEEK_MS = 7 * 86_400_000;

/**
 * The series' rule; `notBefore` (a floating date) lets an open-count weekly rule start from a later week:
 * rrule walks every period from DTSTART, so a range a year after the start cost ~50 periods per series.
 * Moving DTSTART forward by whole multiples of INTERVAL weeks keeps the same weekday, time and week
 * alignment, hence the same occurrences from the new start on (a COUNT rule counts from DTSTART: not moved).
 */
function ruleFor(series: Pick<SeriesDoc, 'rrule' | 'dtstart' | 'endedOn'>, notBefore?: Date): rruleModule.RRule {
  const key = `${series.dtstart}|${series.endedOn}|${series.rrule}`;
  let rule = ruleCache.get(key);
  if (!rule) {
    const options = RRule.parseString(series.rrule.replace(/^RRULE:/i, ''));
    if (series.endedOn) {
      const ended = toFloatingDate(`${series.endedOn}T23:59`);
      if (!options.until || options.until > ended) options.until = ended;
    }
    rule = new RRule({ wkst: RRule.MO, ...options, dtstart: toFloatingDate(series.dtstart) });
    remember(key, rule);
  }
  const o = rule.origOptions;
  const dtstart = o.dtstart;
  const movable =
    notBefore && dtstart && o.freq === RRule.WEEKLY && !o.count && o.bysetpos == null && o.byweekno == null && o.byyearday == null && o.bymonthday == null && o.bymonth == null && o.bynmonthday == null;
  if (!movable) return rule;
  const period = WEEK_MS * (o.interval ?? 1);
  // one period of margin: the moved start's week ends before `notBefore`
  const periods = Math.floor((notBefore.getTime() - dtstart.getTime()) / period) - 1;
  if (periods < 1) return rule;
  const movedKey = `${key}|${periods}`;
  let moved = ruleCache.get(movedKey);
  if (!moved) {
    moved = new RRule({ ...o, dtstart: new Date(dtstart.getTime() + periods * period) });
    remember(movedKey, moved);
  }
  return moved;
}

function remember(key: string, rule: rruleModule.RRule): void {
  if (ruleCache.size > 500) ruleCache.clear();
  ruleCache.set(key, rule);
}

const endCache = new Map<string, number>();
/**
 * Minutes (floating) after which the series has no occurrence: its UNTIL or its ended date, Infinity when open.
 * A centre's past years hold hundreds of ended series; a range after their end is answered without building a rule.
 */
function seriesEnd(series: Pick<SeriesDoc, 'rrule' | 'endedOn'>): number {
  const key = `${series.endedOn}|${series.rrule}`;
  let end = endCache.get(key);
  if (end === undefined) {
    const until = /UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?/i.exec(series.rrule);
    end = until ? toMinutes(`${until[1]}-${until[2]}-${until[3]}T${until[4] ?? '23'}:${until[5] ?? '59'}`) + 1 : Infinity;
    if (series.endedOn) end = Math.min(end, toMinutes(`${series.endedOn}T23:59`) + 1);
    if (endCache.size > 5000) endCache.clear();
    endCache.set(key, end);
  }
  return end;
}

/**
 * Original starts of the occurrences that overlap [from, to) (exceptions not applied).
 * `from`/`to` are local dates or date-times.
 */
export function seriesOccurrenceStarts(
  series: Pick<SeriesDoc, 'rrule' | 'dtstart' | 'endedOn' | 'durationMinutes'>,
  from: LocalDate | LocalDateTime,
  to: LocalDate | LocalDateTime,
): LocalDateTime[] {
  const after = new Date((toMinutes(from) - series.durationMinutes) * 60000);
  const before = new Date(toMinutes(to) * 60000);
  if (before <= after) return [];
  // ended before the range (an UNTIL written with Z is a UTC instant: a day's margin covers any zone)
  if (seriesEnd(series) + 1440 < after.getTime() / 60000) return [];
  return ruleFor(series, after)
    .between(after, before, false, (_d, i) => i < MAX_OCCURRENCES)
    .map(fromFloatingDate);
}

/** First and last occurrence dates of a series (open series: capped at the horizon). */
export function seriesSpan(series: Pick<SeriesDoc, 'rrule' | 'dtstart' | 'endedOn' | 'durationMinutes'>): {
  from: LocalDate;
  to: LocalDate;
} {
  const from = datePart(series.dtstart);
  const horizon = addDays(from, OPEN_SERIES_HORIZON_DAYS);
  const starts = seriesOccurrenceStarts(series, from, horizon);
  const last = starts[starts.length - 1];
  return { from: datePart(starts[0] ?? series.dtstart), to: last ? datePart(last) : from };
}

function computedOccurrence(series: Pick<SeriesDoc, 'id' | 'template' | 'durationMinutes' | 'status'>, start: LocalDateTime): Occurrence {
  return {
    ...emptyBooking(series.template),
    id: `${series.id}@${start}`,
    start,
    end: addMinutes(start, series.durationMinutes),
    seriesId: series.id,
    occurrenceStart: start,
    status: series.status === 'cancelled' ? 'cancelled' : (series.template.status ?? 'confirmed'),
    source: 'series',
  };
}

export interface RangeOptions {
  /** Include cancelled bookings and cancelled occurrences (status 'cancelled'). Default false. */
  includeCancelled?: boolean;
}

type StoredBooking = BookingFields & { id: string; updatedAt?: string };

/**
 * The concrete bookings overlapping [from, to): stored bookings plus series occurrences, with the
 * series' exceptions applied (cancelled → skipped; a stored booking with the same series + occurrence
 * date replaces the computed one, wherever it was moved to). Sorted by start, room, id.
 * This is the one function the calendar, posters and reports read bookings through.
 */
export function occurrencesInRange(
  bookings: readonly StoredBooking[],
  series: readonly SeriesDoc[] | readonly (SeriesFields & { id: string })[],
  from: LocalDate | LocalDateTime,
  to: LocalDate | LocalDateTime,
  options: RangeOptions = {},
): Occurrence[] {
  const lo = toMinutes(from);
  const hi = toMinutes(to);
  const out: Occurrence[] = [];
  const replaced = new Set<string>();
  for (const b of bookings) {
    if (b.seriesId && b.occurrenceStart) replaced.add(`${b.seriesId}|${occurrenceKey(b.occurrenceStart)}`);
    if (b.status === 'cancelled' && !options.includeCancelled) continue;
    if (toMinutes(b.start) < hi && toMinutes(b.end) > lo) out.push({ ...emptyBooking(b), id: b.id, updatedAt: b.updatedAt, source: 'booking' });
  }
  for (const s of series) {
    if (s.status === 'cancelled' && !options.includeCancelled) continue;
    const exceptions = new Map<string, SeriesException>((s.exceptions ?? []).map((e) => [occurrenceKey(e.occurrenceStart), e]));
    for (const start of seriesOccurrenceStarts(s, from, to)) {
      const key = occurrenceKey(start);
      if (replaced.has(`${s.id}|${key}`)) continue;
      const exception = exceptions.get(key);
      if (exception?.kind === 'moved') continue;
      if (exception?.kind === 'cancelled') {
        if (!options.includeCancelled) continue;
        out.push({ ...computedOccurrence(s, start), status: 'cancelled', cancelReason: exception.reason ?? '', cancelledBy: exception.by ?? '' });
        continue;
      }
      out.push(computedOccurrence(s, start));
    }
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.roomId.localeCompare(b.roomId) || a.id.localeCompare(b.id)));
}

/** A new series from the first occurrence's booking fields and the repeat rule. */
export function seriesFromBooking(first: BookingFields, rule: RepeatRule): SeriesFields {
  return {
    rrule: buildRRule(rule),
    dtstart: first.start,
    durationMinutes: toMinutes(first.end) - toMinutes(first.start),
    template: (({ start: _s, end: _e, seriesId: _i, occurrenceStart: _o, ...t }) => t)(emptyBooking(first)),
    exceptions: [],
    endedOn: '',
    status: 'active',
    notes: '',
  };
}

export interface SeriesClash {
  occurrenceStart: LocalDateTime;
  clashes: Clash<Occurrence>[];
}

/**
 * Checks every occurrence of a (new or edited) series against existing bookings and occurrences,
 * e.g. `occurrencesInRange(bookings, otherSeries, span.from, addDays(span.to, 1))`. The series' own
 * computed occurrences (same id) are ignored: the edited series replaces them. Its own stored
 * bookings (moved occurrences) are checked like any booking, and an occurrence landing on a day that
 * already holds a moved occurrence of the series is a clash too (`sameSeriesDay`) unless the series
 * met on that day before the edit (`previous`). Occurrences already excepted are not checked.
 */
export function seriesClashes(
  series: SeriesFields & { id?: string },
  existing: readonly Occurrence[],
  options: { previous?: Pick<SeriesFields, 'rrule' | 'dtstart' | 'endedOn' | 'durationMinutes'> } = {},
): SeriesClash[] {
  const span = seriesSpan(series);
  const to = addDays(span.to, 1);
  const others = existing.filter((o) => !series.id || o.seriesId !== series.id || o.source === 'booking');
  const movedOwn = series.id ? others.filter((o) => o.seriesId === series.id && o.status !== 'cancelled') : [];
  const metBefore = new Set(options.previous ? seriesOccurrenceStarts(options.previous, span.from, to).map(datePart) : []);
  const own = occurrencesInRange([], [{ ...series, id: series.id ?? 'new-series' }], span.from, to);
  const result: SeriesClash[] = [];
  for (const occurrence of own) {
    const day = datePart(occurrence.start);
    const clashes = findClashes(occurrence, others);
    if (!metBefore.has(day)) {
      for (const moved of movedOwn) {
        if (datePart(moved.start) !== day || sameOccurrence(occurrence, moved) || clashes.some((c) => c.other.id === moved.id)) continue;
        clashes.push({ other: moved, what: moved.title, who: moved.organiser.name, start: moved.start, end: moved.end, roomId: moved.roomId, sections: [], overlapStart: '', overlapEnd: '', sameSeriesDay: true });
      }
    }
    if (clashes.length) result.push({ occurrenceStart: occurrence.occurrenceStart, clashes });
  }
  return result;
}

/**
 * Clashes of a series edit ("whole series" or "this and following"): `after` is the edited series
 * (the same id) or the new part of a split (a new id). For a split, the old series' computed
 * occurrences give way and its moved occurrences from the split date on count as the new part's own,
 * as they will be relinked to it.
 */
export function seriesEditClashes(
  before: SeriesFields & { id: string },
  after: SeriesFields & { id: string },
  existing: readonly Occurrence[],
): SeriesClash[] {
  const splitDate = datePart(after.dtstart);
  const relinked =
    after.id === before.id
      ? existing
      : existing
          .filter((o) => !(o.source === 'series' && o.seriesId === before.id))
          .map((o) => (o.seriesId === before.id && o.occurrenceStart && occurrenceKey(o.occurrenceStart) >= splitDate ? { ...o, seriesId: after.id } : o));
  return seriesClashes(after, relinked, { previous: before });
}

function withException(exceptions: readonly SeriesException[], exception: SeriesException): SeriesException[] {
  const key = occurrenceKey(exception.occurrenceStart);
  return [...exceptions.filter((e) => occurrenceKey(e.occurrenceStart) !== key), exception];
}

/** Marks occurrences as skipped (e.g. the clashing dates of a new series). */
export function skipOccurrences(
  series: SeriesFields,
  occurrenceStarts: readonly LocalDateTime[],
  by: string,
  reason: string,
): SeriesFields {
  let exceptions = series.exceptions;
  for (const occurrenceStart of occurrenceStarts) exceptions = withException(exceptions, { occurrenceStart, kind: 'cancelled', reason, by });
  return { ...series, exceptions };
}

/** Cancels one computed occurrence (a stored exception booking is cancelled on the booking itself). */
export function cancelOccurrence(
  series: Pick<SeriesDoc, 'exceptions'>,
  occurrenceStart: LocalDateTime,
  by: string,
  reason: string,
): SeriesException[] {
  return withException(series.exceptions, { occurrenceStart, kind: 'cancelled', reason, by });
}

/**
 * Edits one computed occurrence: returns the booking to store (it replaces the occurrence) and the
 * series' new exception list (a 'moved' entry for that date).
 */
export function detachOccurrence(
  series: SeriesFields & { id: string },
  occurrenceStart: LocalDateTime,
  changes: Partial<BookingFields>,
  by: string,
): { booking: BookingFields; exceptions: SeriesException[] } {
  const base = computedOccurrence(series, occurrenceStart);
  const { id: _id, source: _source, updatedAt: _u, ...fields } = base;
  const booking: BookingFields = { ...fields, ...changes, seriesId: series.id, occurrenceStart };
  return { booking, exceptions: withException(series.exceptions, { occurrenceStart, kind: 'moved', reason: '', by }) };
}

/** Changes to a whole series (or to the part from a split on). */
export interface SeriesChanges {
  template?: Partial<BookingTemplate>;
  /** New time of day ("HH:mm") of every occurrence. */
  startTime?: string;
  durationMinutes?: number;
  repeat?: RepeatRule;
}

function applyChanges(series: SeriesFields, changes: SeriesChanges, firstDate: LocalDate): Pick<SeriesFields, 'rrule' | 'dtstart' | 'durationMinutes' | 'template'> {
  return {
    rrule: changes.repeat ? buildRRule(changes.repeat) : series.rrule,
    dtstart: atTime(firstDate, changes.startTime ?? timePart(series.dtstart)),
    durationMinutes: changes.durationMinutes ?? series.durationMinutes,
    template: { ...series.template, ...changes.template },
  };
}

/**
 * Edits the whole series. Exceptions made before (cancelled and moved occurrences) are kept:
 * they are keyed by date, so they still apply after a change of time, room or title.
 */
export function editWholeSeries(series: SeriesFields, changes: SeriesChanges): Partial<SeriesFields> {
  return { ...applyChanges(series, changes, datePart(series.dtstart)), exceptions: [...series.exceptions] };
}

type Relink = { id: string; patch: Partial<BookingFields> };

/**
 * "This and following": ends the old series the day before `occurrenceStart` and starts a new one
 * from that date with the changes. Exceptions on or after the split date move to the new series,
 * and so do the stored exception bookings (returned as patches). Splitting at the first occurrence
 * is an edit of the whole series.
 */
export function splitSeries(
  series: SeriesFields & { id: string },
  occurrenceStart: LocalDateTime,
  changes: SeriesChanges,
  newSeriesId: string,
  storedBookings: readonly (BookingFields & { id: string })[],
):
  | { kind: 'whole'; patch: Partial<SeriesFields> }
  | { kind: 'split'; oldPatch: Partial<SeriesFields>; newSeries: SeriesFields; relink: Relink[] } {
  const splitDate = datePart(occurrenceStart);
  const first = seriesOccurrenceStarts(series, series.dtstart, addDays(datePart(series.dtstart), OPEN_SERIES_HORIZON_DAYS))[0];
  if (!first || splitDate <= datePart(first)) return { kind: 'whole', patch: editWholeSeries(series, changes) };

  const rule = parseRRule(series.rrule);
  const before = seriesOccurrenceStarts(series, series.dtstart, splitDate).length;
  const dayBefore = addDays(splitDate, -1);
  const oldPatch: Partial<SeriesFields> = {
    rrule: buildRRule({ ...rule, until: dayBefore, count: 0 }),
    endedOn: dayBefore,
    exceptions: series.exceptions.filter((e) => occurrenceKey(e.occurrenceStart) < splitDate),
  };
  const repeat = changes.repeat ?? (rule.count ? { ...rule, count: Math.max(1, rule.count - before) } : rule);
  const newSeries: SeriesFields = {
    ...series,
    ...applyChanges(series, { ...changes, repeat }, splitDate),
    exceptions: series.exceptions.filter((e) => occurrenceKey(e.occurrenceStart) >= splitDate),
    endedOn: '',
    status: 'active',
  };
  const relink = storedBookings
    .filter((b) => b.seriesId === series.id && b.occurrenceStart && occurrenceKey(b.occurrenceStart) >= splitDate)
    .map((b) => ({ id: b.id, patch: { seriesId: newSeriesId } }));
  return { kind: 'split', oldPatch, newSeries, relink };
}

/**
 * "Cancel this and following": the series ends the day before; stored exception bookings from that
 * date on are returned for cancelling. At the first occurrence the whole series is cancelled.
 */
export function endSeriesBefore(
  series: SeriesFields & { id: string },
  occurrenceStart: LocalDateTime,
  storedBookings: readonly (BookingFields & { id: string })[],
): { seriesPatch: Partial<SeriesFields>; cancelBookingIds: string[] } {
  const splitDate = datePart(occurrenceStart);
  const cancelBookingIds = storedBookings
    .filter((b) => b.seriesId === series.id && b.occurrenceStart && occurrenceKey(b.occurrenceStart) >= splitDate && b.status !== 'cancelled')
    .map((b) => b.id);
  const first = seriesOccurrenceStarts(series, series.dtstart, addDays(datePart(series.dtstart), OPEN_SERIES_HORIZON_DAYS))[0];
  if (!first || splitDate <= datePart(first)) return { seriesPatch: { status: 'cancelled' }, cancelBookingIds };
  const dayBefore = addDays(splitDate, -1);
  return {
    seriesPatch: { rrule: buildRRule({ ...parseRRule(series.rrule), until: dayBefore, count: 0 }), endedOn: dayBefore },
    cancelBookingIds,
  };
}
