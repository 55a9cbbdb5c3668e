/**
 * Which room "New booking" starts with: the room the volunteer last booked on this desk, else the divisible hall
 * (what most bookings are for), else the first room.
 */
import type { RoomDoc } from '@shared/db';

const KEY = 'sosedi.calendar.lastRoom';

export function defaultRoom<R extends Pick<RoomDoc, 'id' | 'kind' | 'sections' | 'bookable'>>(rooms: readonly R[], lastUsed: string | null): R | undefined {
  const bookable = rooms.filter((r) => r.bookable !== false);
  return (
    bookable.find((r) => r.id === lastUsed) ??
    bookable.find((r) => r.sections.length > 0) ??
    bookable.find((r) => r.kind === 'hall') ??
    bookable[0]
  );
}

export function lastUsedRoom(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberRoom(roomId: string): void {
  try {
    if (roomId) localStorage.setItem(KEY, roomId);
  } catch {
    // private mode: the default is the hall
  }
}
