import dayjs from 'dayjs';
import { dayjsLocalizer, type DateLocalizer } from 'react-big-calendar';

/**
 * react-big-calendar's dayjs localizer, with the date arithmetic it runs for every event on every layout
 * (range checks, sorting, slot positions) done on plain Dates: same results (local time, no time-zone
 * plugin), without building several dayjs objects per call — the month view of a busy month made
 * ~100,000 of them. Formatting and the week/month helpers stay dayjs's.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const endOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59, 59, 999);
const startOfMinute = (d: Date) => {
  const m = new Date(d);
  m.setSeconds(0, 0);
  return m;
};
/** dayjs(end).diff(start, 'day'): whole days, corrected for a UTC offset change in between. */
const dayjsDaySpan = (start: Date, end: Date) => Math.trunc((+end - +start - (end.getTimezoneOffset() - start.getTimezoneOffset()) * MINUTE) / DAY) || 0;
const isDayUnit = (unit: unknown) => typeof unit === 'string' && unit.toLowerCase() === 'day';
/** A date floored to the unit react-big-calendar compares at, or null for a unit left to dayjs. */
function floorTo(d: Date, unit: unknown): number | null {
  if (unit === undefined) return +d;
  const u = typeof unit === 'string' ? unit.toLowerCase() : '';
  if (u === 'day') return +startOfDay(d);
  if (u === 'minutes' || u === 'minute') return +startOfMinute(d);
  return null;
}
type Compare = (a: Date, b: Date, unit?: never) => boolean;
/** A comparison on plain Dates for the units floorTo knows, dayjs's own otherwise (or for a non-Date). */
function compare(base: Compare, test: (a: number, b: number) => boolean) {
  return (a: unknown, b: unknown, unit?: string) => {
    if (a instanceof Date && b instanceof Date) {
      const fa = floorTo(a, unit);
      const fb = floorTo(b, unit);
      if (fa !== null && fb !== null) return test(fa, fb);
    }
    return base(a as Date, b as Date, unit as never);
  };
}

interface Spanned {
  start: Date;
  end: Date;
  allDay?: boolean;
}

export function fastDayjsLocalizer(): DateLocalizer {
  // react-big-calendar copies the localizer's own properties: override them on the instance itself
  const fast = dayjsLocalizer(dayjs);
  const { startOf: baseStartOf, eq, lt, gt, gte, lte, diff: baseDiff, ceil: baseCeil, min: baseMin, max: baseMax, inRange: baseInRange } = fast;
  const dates = (a: unknown, b: unknown): [Date, Date] | null => (a instanceof Date && b instanceof Date ? [a, b] : null);
  Object.assign(fast, {
    startOf: (date: unknown, unit?: string) => (date instanceof Date && isDayUnit(unit) ? startOfDay(date) : baseStartOf(date as Date, unit as never)),
    // dayjs's comparisons at a unit compare both dates floored to it (its gte is "same or before", kept as is)
    eq: compare(eq, (a, b) => a === b),
    lt: compare(lt, (a, b) => a < b),
    gt: compare(gt, (a, b) => a > b),
    gte: compare(gte, (a, b) => a <= b),
    lte: compare(lte, (a, b) => a <= b),
    diff: (a: unknown, b: unknown, unit: string = 'day') => {
      const ab = dates(a, b);
      return ab && isDayUnit(unit) ? dayjsDaySpan(ab[0], ab[1]) : baseDiff(a as Date, b as Date, unit as never);
    },
    ceil: (date: unknown, unit?: string) => {
      if (!(date instanceof Date) || !isDayUnit(unit)) return baseCeil(date as Date, unit as never);
      const floor = startOfDay(date);
      return +floor === +date ? floor : new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
    },
    min: (a: unknown, b: unknown) => {
      const ab = dates(a, b);
      return ab ? new Date(+ab[1] < +ab[0] ? ab[1] : ab[0]) : baseMin(a as Date, b as Date);
    },
    max: (a: unknown, b: unknown) => {
      const ab = dates(a, b);
      return ab ? new Date(+ab[1] > +ab[0] ? ab[1] : ab[0]) : baseMax(a as Date, b as Date);
    },
    // dayjs isBetween(min, max, unit, '[]'): within both bounds floored to the unit, whichever bound is larger
    // (the time view filters every event of every day column with it)
    inRange: (day: unknown, min: unknown, max: unknown, unit: string = 'day') => {
      if (day instanceof Date && min instanceof Date && max instanceof Date) {
        const d = floorTo(day, unit);
        const lo = floorTo(min, unit);
        const hi = floorTo(max, unit);
        if (d !== null && lo !== null && hi !== null) return (lo <= d && d <= hi) || (hi <= d && d <= lo);
      }
      return baseInRange(day as Date, min as Date, max as Date, unit as never);
    },
    isSameDate: (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate(),
    merge: (date: Date | null, time: Date | null) => {
      if (!date && !time) return null;
      const d = date ?? new Date();
      const t = time ?? new Date();
      return new Date(d.getFullYear(), d.getMonth(), d.getDate(), t.getHours(), t.getMinutes(), t.getSeconds());
    },
    getSlotDate: (dt: Date, minutesFromMidnight: number, offset: number) => {
      const d = startOfDay(dt);
      d.setMinutes(minutesFromMidnight + offset);
      return d;
    },
    getMinutesFromMidnight: (start: Date) => {
      const day = startOfDay(start);
      return Math.trunc((+start - +day) / MINUTE) + (day.getTimezoneOffset() - start.getTimezoneOffset());
    },
    continuesPrior: (start: Date, first: Date) => +endOfDay(start) < +first,
    continuesAfter: (_start: Date, end: Date, last: Date) => +last < +startOfMinute(end) + MINUTE,
    sortEvents: ({ evtA, evtB }: { evtA: Spanned; evtB: Spanned }) =>
      +startOfDay(evtA.start) - +startOfDay(evtB.start) ||
      dayjsDaySpan(evtB.start, evtB.end) - dayjsDaySpan(evtA.start, evtA.end) ||
      Number(!!evtB.allDay) - Number(!!evtA.allDay) ||
      +evtA.start - +evtB.start ||
      +evtA.end - +evtB.end,
    inEventRange: ({ event, range }: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }) => {
      const day = +startOfDay(event.start);
      const end = +event.end;
      const endMinute = +startOfMinute(event.end);
      const startsBeforeEnd = day <= +range.end;
      const zeroLength = day <= end && end < day + MINUTE;
      const endsAfterStart = zeroLength ? +range.start < endMinute + MINUTE : +range.start < endMinute;
      return startsBeforeEnd && endsAfterStart;
    },
  });
  return fast;
}
