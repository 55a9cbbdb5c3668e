import { useCommands } from '../../../app/db';
import { bookingCommands } from '../commands';

export type { CheckResult } from '../commands';

/** The bookings commands (../commands.ts: check, saveBooking, createSeries, editSeries, cancel, move …) bound to this desk. */
export function useBookingActions() {
  return useCommands(bookingCommands);
}
