import { useMemo } from 'react';
import { useAuthor, useDb } from '../../../app/db';
import { bookingCommands } from '../commands';

export type { CheckResult } from '../commands';

/** The bookings commands (../commands.ts: check, saveBooking, createSeries, editSeries, cancel, move …) bound to this desk. */
export function useBookingActions() {
  const db = useDb();
  const author = useAuthor();
  return useMemo(() => bookingCommands({ db, author }), [db, author]);
}
