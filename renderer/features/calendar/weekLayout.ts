/**
 * The week view's day widths. Overlapping events sit side by side in lanes (react-big-calendar's "no-overlap"
 * layout); a busy evening with six rooms in use would make each a sliver a few letters wide. Each day of the week
 * is instead given room for its busiest moment's lanes at a readable width, and the days scroll sideways inside
 * the calendar when the week does not fit the window.
 */

/** Width of one lane: a short title and the room, in the desk's 15 px type, a few words a line. */
export const LANE_PX = 116;
/** react-big-calendar keeps a 10 px margin at the right of each day for clicking on free time. */
const DAY_MARGIN_PX = 10;
/** A quiet day: room for one event (a quiet week then fits a laptop's window; the days grow to fill it). */
export const MIN_DAY_PX = LANE_PX + DAY_MARGIN_PX;

interface Span {
  start: Date;
  end: Date;
}

/** Lanes the day's events need: greedy, by start then longest first, like react-big-calendar's no-overlap. */
export function lanesNeeded(events: readonly Span[]): number {
  const sorted = [...events].sort((a, b) => a.start.getTime() - b.start.getTime() || b.end.getTime() - a.end.getTime());
  const laneEnds: number[] = [];
  for (const e of sorted) {
    const free = laneEnds.findIndex((end) => end <= e.start.getTime());
    if (free === -1) laneEnds.push(e.end.getTime());
    else laneEnds[free] = e.end.getTime();
  }
  return laneEnds.length;
}

/** Minimum width in px of each of the seven days from `monday` (a local date), for the events shown. */
export function weekDayWidths(monday: Date, events: readonly Span[]): number[] {
  return Array.from({ length: 7 }, (_, i) => {
    const from = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i);
    const to = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i + 1);
    const day = events.filter((e) => e.start < to && e.end > from);
    return Math.max(MIN_DAY_PX, lanesNeeded(day) * LANE_PX + DAY_MARGIN_PX);
  });
}
