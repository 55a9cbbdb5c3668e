/**
 * When the desk locks for the night: the centre's closing time today (opening hours in the settings), as a local
 * wall-clock time. Pure.
 */
import type { WeekHours } from '../db/schemas/settings';
import { WEEKDAYS } from '../db/schemas/settings';
import { datePart, weekdayIndex, type LocalDateTime } from '../time';

/** Today's closing time (`YYYY-MM-DDTHH:mm`), or null when the centre is closed today or has no hours. */
export function closingTime(hours: WeekHours | undefined, now: LocalDateTime): LocalDateTime | null {
  const day = hours?.[WEEKDAYS[weekdayIndex(now)]!];
  return day ? `${datePart(now)}T${day.close}` : null;
}

/** Did the closing time pass between two checks (`before` < closing ≤ `now`)? */
export function closedSince(hours: WeekHours | undefined, before: LocalDateTime, now: LocalDateTime): boolean {
  const close = closingTime(hours, now);
  return close !== null && before < close && close <= now.slice(0, 16);
}
