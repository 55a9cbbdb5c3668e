import { useMemo } from 'react';
import { useAuthor, useDb } from '../../../app/db';
import { bookingCommands, type SaveResult } from '../commands';
import { useGate } from '../../staff/hooks';

export type { CheckResult } from '../commands';

/** The bookings commands (../commands.ts: check, saveBooking, createSeries, editSeries, cancel, move …) bound to this desk. */
export function useBookingActions() {
  const db = useDb();
  const author = useAuthor();
  const gate = useGate();
  return useMemo(() => {
    const commands = bookingCommands({ db, author });
    // a price set by hand needs a coordinator: a volunteer is asked for a coordinator's PIN
    const saveBooking = (...args: Parameters<typeof commands.saveBooking>): Promise<SaveResult> => gate(() => commands.saveBooking(...args));
    return { ...commands, saveBooking };
  }, [db, author, gate]);
}
