/**
 * The weekly poster's content: which events of which week, grouped by day.
 * Pure: the renderer hook feeds it the week's occurrences (one-off bookings and series occurrences,
 * see shared/bookings) with room names resolved.
 */
import type { BookingCategory, BookingStatus } from '../db/schemas/bookings';
import type { LocalDate, LocalDateTime } from '../db/types';
import { addDays, datePart, weekdayIndex } from '../time';

/** One occurrence as the poster needs it. */
export interface PosterSource {
  /** Stable across edits: the booking id, or `<seriesId>@<occurrenceStart>` for a series occurrence. */
  key: string;
  title: string;
  start: LocalDateTime;
  end: LocalDateTime;
  roomId: string;
  roomName: string;
  publicDescription: string;
  category: BookingCategory;
  public: boolean;
  status: BookingStatus;
}

export interface PosterEvent {
  key: string;
  title: string;
  description: string;
  start: LocalDateTime;
  end: LocalDateTime;
  roomId: string;
  roomName: string;
  category: BookingCategory;
}

export interface PosterDay {
  date: LocalDate;
  events: PosterEvent[];
}

export interface PosterSelection {
  /** Monday of the week. */
  from: LocalDate;
  /** Sunday of the week (inclusive). */
  to: LocalDate;
  /** Only these rooms; empty = every room. */
  roomIds: string[];
  /** Only these categories; empty = every category. */
  categories: BookingCategory[];
}

/** A description longer than this is cut at a word with "…" (a poster is not a programme booklet). */
export const DESCRIPTION_MAX = 160;

/** Monday–Sunday of the week that contains `date`. */
export function weekOf(date: LocalDate): { from: LocalDate; to: LocalDate } {
  const from = addDays(datePart(date), -weekdayIndex(date));
  return { from, to: addDays(from, 6) };
}

/** The default poster week: next Monday–Sunday after `today` (on a Monday too: the coming week). */
export function nextWeek(today: LocalDate): { from: LocalDate; to: LocalDate } {
  return weekOf(addDays(weekOf(today).from, 7));
}

export function shortenDescription(text: string, max = DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:—–-]+$/u, '')}…`;
}

/**
 * The poster line under the title: a description that merely repeats the title ("Хор «Рябинушка».
 * Вход свободный.") keeps only what it adds ("Вход свободный."), or nothing.
 */
export function posterDescription(title: string, description: string, max = DESCRIPTION_MAX): string {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const t = norm(title);
  let d = norm(description);
  if (t && d.toLocaleLowerCase().startsWith(t.toLocaleLowerCase())) {
    const rest = d.slice(t.length);
    // Only a whole-title repeat: the next character ends the title (punctuation, space or nothing).
    if (rest === '' || /^[\s.,;:!?…—–-]/u.test(rest)) d = rest.replace(/^[\s.,;:!?…—–-]+/u, '');
  }
  return shortenDescription(d, max);
}

/** Whether an occurrence belongs on the poster of `sel`. */
export function isOnPoster(s: PosterSource, sel: PosterSelection): boolean {
  const day = s.start.slice(0, 10);
  return (
    s.public &&
    s.status !== 'cancelled' &&
    day >= sel.from &&
    day <= sel.to &&
    (sel.roomIds.length === 0 || sel.roomIds.includes(s.roomId)) &&
    (sel.categories.length === 0 || sel.categories.includes(s.category))
  );
}

/** Every day of the selected week (7 entries, empty days included), events sorted by start, room, title. */
export function buildPosterDays(sources: PosterSource[], sel: PosterSelection): PosterDay[] {
  const days: PosterDay[] = [];
  for (let date = sel.from; date <= sel.to && days.length < 31; date = addDays(date, 1)) days.push({ date, events: [] });
  const byDate = new Map(days.map((d) => [d.date, d]));
  const seen = new Set<string>();
  for (const s of sources) {
    if (!isOnPoster(s, sel) || seen.has(s.key)) continue;
    seen.add(s.key);
    byDate.get(s.start.slice(0, 10))?.events.push({
      key: s.key,
      title: s.title.trim(),
      description: posterDescription(s.title, s.publicDescription),
      start: s.start,
      end: s.end,
      roomId: s.roomId,
      roomName: s.roomName,
      category: s.category,
    });
  }
  for (const d of days) {
    d.events.sort(
      (a, b) => a.start.localeCompare(b.start) || a.roomName.localeCompare(b.roomName) || a.title.localeCompare(b.title),
    );
  }
  return days;
}

export function eventCount(days: PosterDay[]): number {
  return days.reduce((n, d) => n + d.events.length, 0);
}

// ---- What was printed, and what changed since ----

export interface PrintedEvent {
  key: string;
  title: string;
  start: LocalDateTime;
  end: LocalDateTime;
  roomName: string;
}

export type PosterChangeKind = 'added' | 'removed' | 'moved' | 'renamed';
export interface PosterChange {
  kind: PosterChangeKind;
  key: string;
  /** As printed (removed, moved, renamed). */
  before?: PrintedEvent;
  /** As it is now (added, moved, renamed). */
  after?: PrintedEvent;
}

export function snapshotOf(days: PosterDay[]): PrintedEvent[] {
  return days.flatMap((d) =>
    d.events.map((e) => ({ key: e.key, title: e.title, start: e.start, end: e.end, roomName: e.roomName })),
  );
}

/** Differences between the printed poster and the current one, in time order. */
export function diffPoster(printed: PrintedEvent[], current: PrintedEvent[]): PosterChange[] {
  const before = new Map(printed.map((e) => [e.key, e]));
  const now = new Map(current.map((e) => [e.key, e]));
  const changes: PosterChange[] = [];
  for (const e of current) {
    const p = before.get(e.key);
    if (!p) changes.push({ kind: 'added', key: e.key, after: e });
    else if (p.start !== e.start || p.end !== e.end || p.roomName !== e.roomName)
      changes.push({ kind: 'moved', key: e.key, before: p, after: e });
    else if (p.title !== e.title) changes.push({ kind: 'renamed', key: e.key, before: p, after: e });
  }
  for (const p of printed) if (!now.has(p.key)) changes.push({ kind: 'removed', key: p.key, before: p });
  const when = (c: PosterChange) => (c.after ?? c.before)!.start;
  return changes.sort((a, b) => when(a).localeCompare(when(b)) || a.key.localeCompare(b.key));
}
