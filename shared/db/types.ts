/**
 * Common field conventions for every document.
 *
 * Times:
 *  - `LocalDateTime` ("YYYY-MM-DDTHH:mm", optionally ":ss") is wall-clock time at the centre, no offset.
 *    Bookings, series, visits and loans use it: the centre lives in one time zone, recurrences stay
 *    DST-free, and reports by weekday/hour read it directly.
 *  - `updatedAt` / `createdAt` are ISO-8601 UTC instants (audit trail, conflict explanation).
 */
export type LocalDate = string; // YYYY-MM-DD
export type LocalDateTime = string; // YYYY-MM-DDTHH:mm[:ss]
export type IsoInstant = string; // 2026-11-22T10:00:00.000Z

export interface Author {
  /** Which desk (device profile) wrote the document. */
  desk: string;
  /** The volunteer on shift, free text. */
  volunteer: string;
}

export interface BaseDoc {
  id: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  updatedBy: Author;
}

export const COLLECTION_NAMES = [
  'settings',
  'rooms',
  'people',
  'groups',
  'bookings',
  'series',
  'items',
  'loans',
  'visits',
  'conflicts',
  'staff',
  'audit',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];
