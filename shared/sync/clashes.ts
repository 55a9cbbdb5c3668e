/**
 * Clashes between DIFFERENT documents that CouchDB cannot see (each is valid alone), found after every pull:
 * - two bookings of the same room/sections overlapping (the rule is shared/bookings' `bookingsConflict`);
 * - more units of an item out on open loans than the centre owns (two desks lent the last unit offline).
 * Pure functions over plain documents; the Conflicts inbox and the calendar marking call them on live data.
 */
import type { BookingDoc } from '../db/schemas/bookings';
import type { RoomDoc } from '../db/schemas/rooms';
import type { SettingsDoc } from '../db/schemas/settings';
import type { ItemDoc } from '../db/schemas/items';
import type { LoanDoc } from '../db/schemas/loans';
import { bookingsConflict, findFreeSlots, type FreeSlot } from '../bookings';
import { addDays } from '../time';
import { onLoan } from '../loans/availability';

export interface BookingClash {
  kind: 'booking-overlap';
  /** Stable key (both desks compute the same): used to dismiss it. */
  key: string;
  bookings: [BookingDoc, BookingDoc];
  /** Free alternatives for the later-made booking: another section/room at the same time, the nearest free slot. */
  alternatives: FreeSlot[];
}

export interface LoanClash {
  kind: 'over-lent';
  key: string;
  item: ItemDoc;
  owned: number;
  out: number;
  loans: LoanDoc[];
}


/** The clash key of two bookings, whatever their order (the inbox dismisses by it; the calendar marks by it). */
export function bookingClashKey(idA: string, idB: string): string {
  return idA < idB ? `booking:${idA}|${idB}` : `booking:${idB}|${idA}`;
}

const minutesBetween = (a: string, b: string) => (Date.parse(`${b}:00Z`) - Date.parse(`${a}:00Z`)) / 60000;

export function bookingClashes(
  bookings: readonly BookingDoc[],
  rooms: readonly RoomDoc[],
  settings?: Partial<Pick<SettingsDoc, 'openingHours' | 'closures'>>,
  dismissed: ReadonlySet<string> = new Set(),
): BookingClash[] {
  const live = bookings.filter((b) => b.status !== 'cancelled').sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  const out: BookingClash[] = [];
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i]!;
      const b = live[j]!;
      if (b.start >= a.end && b.start.slice(0, 10) > a.end.slice(0, 10)) break;
      if (!bookingsConflict(a, b)) continue;
      const pair = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1)) as [BookingDoc, BookingDoc];
      const key = bookingClashKey(a.id, b.id);
      if (dismissed.has(key)) continue;
      const later = a.createdAt > b.createdAt ? a : b;
      const others = bookings.filter((x) => x.id !== later.id);
      const day = later.start.slice(0, 10);
      const duration = Math.max(15, minutesBetween(later.start, later.end));
      let alternatives: FreeSlot[];
      try {
        const sameTimeElsewhere = findFreeSlots({ roomId: 'any', durationMinutes: duration, from: day, to: day, limit: 50 }, rooms, others, settings)
          .filter((s) => s.start <= later.start && s.latestStart >= later.start && s.roomId !== later.roomId)
          .slice(0, 3);
        const sameRoomLater = findFreeSlots(
          { roomId: later.roomId, sections: later.sections, durationMinutes: duration, from: day, to: addDays(day, 7), notBefore: later.start, limit: 2 },
          rooms,
          others,
          settings,
        );
        alternatives = [...sameTimeElsewhere, ...sameRoomLater];
      } catch {
        alternatives = [];
      }
      out.push({ kind: 'booking-overlap', key, bookings: pair, alternatives });
    }
  }
  return out;
}

export function loanClashes(items: readonly ItemDoc[], loans: readonly LoanDoc[], dismissed: ReadonlySet<string> = new Set()): LoanClash[] {
  const out: LoanClash[] = [];
  for (const item of items) {
    const out_ = onLoan(item.id, loans);
    if (out_ <= item.quantity) continue;
    const involved = loans.filter((l) => l.status === 'open' && l.lines.some((x) => x.itemId === item.id && x.quantity > x.returnedQuantity));
    const key = `loan:${item.id}|${involved.map((l) => l.id).sort().join(',')}`;
    if (dismissed.has(key)) continue;
    out.push({ kind: 'over-lent', key, item, owned: item.quantity, out: out_, loans: involved });
  }
  return out;
}
