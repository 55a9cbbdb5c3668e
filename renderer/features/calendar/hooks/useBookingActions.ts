import { bookingCommands, type SaveResult } from '../commands';
import { useGatedCommands } from '../../staff/hooks';

export type { CheckResult } from '../commands';

/** The bookings commands (../commands.ts: check, saveBooking, createSeries, editSeries, cancel, move …) bound to this desk. */
export function useBookingActions() {
  return useGatedCommands((desk, { gate }) => {
    const commands = bookingCommands(desk);
    // a price set by hand needs a coordinator: a volunteer is asked for a coordinator's PIN
    const saveBooking = (...args: Parameters<typeof commands.saveBooking>): Promise<SaveResult> => gate(() => commands.saveBooking(...args));
    return { ...commands, saveBooking };
  });
}
