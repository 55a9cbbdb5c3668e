import type { BaseDoc, LocalDateTime } from '../types';
import { collectionSchema, listOf, shortText, longText, localDateTime, optionalLocalDateTime } from './common';

export type VisitPurpose = 'club' | 'event' | 'consultation' | 'visit' | 'volunteering' | 'other';
export const VISIT_PURPOSES: VisitPurpose[] = ['club', 'event', 'consultation', 'visit', 'volunteering', 'other'];

export interface VisitDoc extends BaseDoc {
  timeIn: LocalDateTime;
  /** '' while the visitor is in the building. */
  timeOut: LocalDateTime | '';
  /** Person link ('' = anonymous or free name). Cleared by retention/erasure. */
  personId: string;
  /** Name typed for a visitor not in the directory. Cleared by retention/erasure. */
  name: string;
  resident: boolean;
  purpose: VisitPurpose;
  bookingId: string;
  /** Companions besides the visitor. */
  adults: number;
  children: number;
  /** true once retention or erasure removed the personal data (counts kept). */
  anonymised: boolean;
  /**
   * Set when a visit linked to a person is anonymised: a one-way key of (person, calendar year) that lets
   * reports count unique participants as before (shared/visits/visitorKey.ts). Absent on live visits.
   */
  visitorKey?: string;
  notes: string;
  /** Edit trail: who changed the entry and when. */
  edits: { at: string; by: string; what: string }[];
}

export const visitSchema = collectionSchema<VisitDoc>('visits', 2, {
  timeIn: localDateTime,
  timeOut: optionalLocalDateTime,
  personId: { type: 'string', maxLength: 64 },
  name: shortText,
  resident: { type: 'boolean' },
  purpose: { type: 'string', enum: VISIT_PURPOSES },
  bookingId: { type: 'string', maxLength: 64 },
  adults: { type: 'integer', minimum: 0, maximum: 500 },
  children: { type: 'integer', minimum: 0, maximum: 500 },
  anonymised: { type: 'boolean' },
  visitorKey: { type: 'string', maxLength: 64 },
  notes: longText,
  edits: listOf(500, { at: { type: 'string', maxLength: 40 }, by: shortText, what: longText }, ['at']),
}, ['timeIn', 'purpose'], { indexes: ['timeIn'] });

