/**
 * "Find a free slot": free windows for a booking of a given length in one room (or any room),
 * day by day, inside opening hours, skipping closures, keeping everyone's setup and clean-up.
 */
import type { LocalDate, LocalDateTime } from '../db/types';
import type { RoomDoc } from '../db/schemas/rooms';
import type { SettingsDoc } from '../db/schemas/settings';
import { closureOn, hoursFor, occupiedSpan, openInterval, sectionsIntersect } from './conflicts';
import type { TimedBooking } from './model';
import { fromMinutes, toMinutes } from '../time';
import { eachDate } from './time';

export interface SlotQuery {
  /** A room id, or 'any' for every bookable room. */
  roomId: string | 'any';
  /** Sections wanted in that room ([] = whole room). Ignored for 'any'. */
  sections?: string[];
  durationMinutes: number;
  from: LocalDate;
  to: LocalDate;
  /** Setup/clean-up of the new booking; default: the room's. */
  setupMinutes?: number;
  cleanupMinutes?: number;
  /** Do not offer slots starting before this (e.g. now). */
  notBefore?: LocalDateTime;
  /** Stop after this many windows (default 200). */
  limit?: number;
}

/** A free window: any start from `start` to `latestStart` fits (setup/clean-up included). */
export interface FreeSlot {
  roomId: string;
  sections: string[];
  start: LocalDateTime;
  /** End of the free window for the event itself. */
  end: LocalDateTime;
  latestStart: LocalDateTime;
}

type SlotRoom = Pick<RoomDoc, 'id' | 'sections' | 'setupMinutes' | 'cleanupMinutes'> &
  Partial<Pick<RoomDoc, 'bookable' | 'archived' | 'openingHours' | 'order' | 'name'>>;

export function findFreeSlots(
  query: SlotQuery,
  rooms: readonly SlotRoom[],
  bookings: readonly TimedBooking[],
  settings: Partial<Pick<SettingsDoc, 'openingHours' | 'closures'>> | undefined,
): FreeSlot[] {
  const limit = query.limit ?? 200;
  const wanted = query.roomId === 'any' ? rooms.filter((r) => r.bookable !== false && !r.archived) : rooms.filter((r) => r.id === query.roomId);
  const sections = query.roomId === 'any' ? [] : (query.sections ?? []);
  const earliest = query.notBefore ? toMinutes(query.notBefore) : Number.NEGATIVE_INFINITY;
  const slots: FreeSlot[] = [];
  if (query.durationMinutes <= 0) return slots;
  for (const date of eachDate(query.from, query.to, 366)) {
    if (closureOn(settings, date)) continue;
    for (const room of wanted) {
      const open = openInterval(hoursFor(room, settings), date);
      if (!open) continue;
      const setup = query.setupMinutes ?? room.setupMinutes ?? 0;
      const cleanup = query.cleanupMinutes ?? room.cleanupMinutes ?? 0;
      const busy = bookings
        .filter((b) => b.roomId === room.id && b.status !== 'cancelled' && sectionsIntersect(b.sections, sections))
        .map(occupiedSpan)
        .filter(([s, e]) => s < open[1] && e > open[0])
        .sort((a, b) => a[0] - b[0]);
      let cursor = open[0];
      const gaps: [number, number][] = [];
      for (const [s, e] of busy) {
        if (s > cursor) gaps.push([cursor, s]);
        cursor = Math.max(cursor, e);
      }
      if (cursor < open[1]) gaps.push([cursor, open[1]]);
      for (const [a, b] of gaps) {
        const start = Math.max(a, earliest) + setup;
        const end = b - cleanup;
        if (end - start < query.durationMinutes) continue;
        slots.push({
          roomId: room.id,
          sections,
          start: fromMinutes(start),
          end: fromMinutes(end),
          latestStart: fromMinutes(end - query.durationMinutes),
        });
        if (slots.length >= limit) return slots;
      }
    }
  }
  return slots;
}
