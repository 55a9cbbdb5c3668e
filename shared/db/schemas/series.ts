import type { BaseDoc, LocalDate, LocalDateTime } from '../types';
import type { BookingDoc } from './bookings';
import { collectionSchema, listOf, shortText, longText, localDateTime, optionalLocalDate } from './common';

/**
 * A recurring booking (weekly club). Occurrences are computed for the visible range from `rrule`
 * (RFC 5545, DTSTART in local wall-clock time) and never stored one by one, except exceptions:
 * a moved or edited occurrence is stored as a booking with `seriesId` + `occurrenceStart`;
 * a cancelled occurrence is listed in `exdates`.
 */
export interface SeriesException {
  /** Original start of the occurrence (RECURRENCE-ID), local time. */
  occurrenceStart: LocalDateTime;
  kind: 'cancelled' | 'moved';
  reason: string;
  by: string;
}

export interface SeriesDoc extends BaseDoc {
  /** RFC 5545 RRULE (without DTSTART), e.g. "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20270531T235959". */
  rrule: string;
  /** Local start of the first occurrence. */
  dtstart: LocalDateTime;
  /** Duration of each occurrence, minutes. */
  durationMinutes: number;
  /** Template for every occurrence (room, title, organiser …). */
  template: Omit<BookingDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'start' | 'end' | 'seriesId' | 'occurrenceStart'>;
  exceptions: SeriesException[];
  /** Series ended early ("this and following" split); '' = open-ended per rrule. */
  endedOn: LocalDate | '';
  status: 'active' | 'cancelled';
  notes: string;
}

export const seriesSchema = collectionSchema<SeriesDoc>('series', 1, {
  rrule: { type: 'string', maxLength: 500 },
  dtstart: localDateTime,
  durationMinutes: { type: 'integer', minimum: 1, maximum: 10080 },
  template: { type: 'object' },
  exceptions: listOf(2000, {
    occurrenceStart: localDateTime,
    kind: { type: 'string', enum: ['cancelled', 'moved'] },
    reason: longText,
    by: shortText,
  }, ['occurrenceStart', 'kind']),
  endedOn: optionalLocalDate,
  status: { type: 'string', enum: ['active', 'cancelled'] },
  notes: longText,
}, ['rrule', 'dtstart', 'durationMinutes', 'template', 'status']);
