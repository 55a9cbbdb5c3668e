/**
 * Room bookings: pure rules shared by the calendar, posters and reports.
 *
 * Reading bookings for a range — the one entry point:
 *   occurrencesInRange(bookings, series, from, to, { includeCancelled? }) → Occurrence[]
 *   (stored bookings + series occurrences with exceptions applied; local "YYYY-MM-DD[THH:mm]" bounds,
 *   half-open [from, to); query bookings by the `start` index a day or two wider, plus all series).
 */
export * from './model';
export * from './time';
export * from './conflicts';
export * from './pricing';
export * from './recurrence';
export * from './slots';
export * from './ics';
export * from './zone';
export * from './sections';
export * from './equipment';
