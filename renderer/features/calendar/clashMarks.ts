import { bookingsConflict, type Occurrence } from '@shared/bookings';
import { bookingClashKey } from '@shared/sync/clashes';

/**
 * The ids of the loaded bookings that overlap another one (two desks booked the same slot offline) and whose
 * clash is not yet marked resolved in the Conflicts inbox. Same rule and keys as the inbox
 * (shared/sync/clashes.ts): only stored bookings (not series occurrences), `dismissed` = resolved clash keys.
 */
export function clashingBookingIds(occurrences: readonly Occurrence[], dismissed: ReadonlySet<string>): Set<string> {
  const live = occurrences.filter((o) => o.source === 'booking' && o.status !== 'cancelled').sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const marked = new Set<string>();
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i]!;
      const b = live[j]!;
      // sorted by start: once b starts on a later day than a ends, no later booking can overlap a
      if (b.start.slice(0, 10) > a.end.slice(0, 10)) break;
      if (!bookingsConflict(a, b) || dismissed.has(bookingClashKey(a.id, b.id))) continue;
      marked.add(a.id);
      marked.add(b.id);
    }
  }
  return marked;
}
