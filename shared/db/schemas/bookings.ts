import type { BaseDoc, LocalDateTime } from '../types';
import { collectionSchema, listOf, shortText, longText, localDateTime, optionalLocalDateTime, nonNegInt, money, stringArray } from './common';

export type BookingCategory = 'club' | 'lecture' | 'meeting' | 'celebration' | 'rental' | 'other';
export const BOOKING_CATEGORIES: BookingCategory[] = ['club', 'lecture', 'meeting', 'celebration', 'rental', 'other'];
export type BookingStatus = 'tentative' | 'confirmed' | 'cancelled';
export const BOOKING_STATUSES: BookingStatus[] = ['tentative', 'confirmed', 'cancelled'];

export interface Organiser {
  /** 'person' | 'group' from the directory, or 'free' (name + phone typed in). */
  kind: 'person' | 'group' | 'free';
  refId: string;
  name: string;
  phone: string;
}

export interface EquipmentLine {
  itemId: string;
  quantity: number;
}

export interface BookingDoc extends BaseDoc {
  roomId: string;
  /** Section ids taken; empty array = the whole room. */
  sections: string[];
  start: LocalDateTime;
  end: LocalDateTime;
  setupMinutes: number;
  cleanupMinutes: number;
  title: string;
  category: BookingCategory;
  organiser: Organiser;
  /** true = resident/local (free); false = outside (paid). */
  local: boolean;
  expectedAttendance: number;
  /** Actual attendance, from the headcount clicker or visits; -1 = not counted. */
  actualAttendance: number;
  headcount: { adults: number; children: number; residents: number; guests: number };
  public: boolean;
  publicDescription: string;
  status: BookingStatus;
  cancelledBy: string;
  cancelReason: string;
  notes: string;
  price: number;
  /** Reason given when the computed price was overridden ('' = computed). */
  priceOverrideReason: string;
  paid: boolean;
  /** Series link: the series id and the occurrence's original start (RECURRENCE-ID). '' for one-off bookings. */
  seriesId: string;
  occurrenceStart: string;
  equipment: EquipmentLine[];
  layout: string;
}

export const bookingSchema = collectionSchema<BookingDoc>('bookings', 1, {
  roomId: { type: 'string', maxLength: 64 },
  sections: stringArray,
  start: localDateTime,
  end: localDateTime,
  setupMinutes: nonNegInt,
  cleanupMinutes: nonNegInt,
  title: shortText,
  category: { type: 'string', enum: BOOKING_CATEGORIES },
  organiser: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['person', 'group', 'free'] },
      refId: { type: 'string', maxLength: 64 },
      name: shortText,
      phone: { type: 'string', maxLength: 40 },
    },
    required: ['kind'],
    additionalProperties: false,
  },
  local: { type: 'boolean' },
  expectedAttendance: nonNegInt,
  actualAttendance: { type: 'integer', minimum: -1, maximum: 100000 },
  headcount: {
    type: 'object',
    properties: { adults: nonNegInt, children: nonNegInt, residents: nonNegInt, guests: nonNegInt },
    additionalProperties: false,
  },
  public: { type: 'boolean' },
  publicDescription: longText,
  status: { type: 'string', enum: BOOKING_STATUSES, maxLength: 12 },
  cancelledBy: shortText,
  cancelReason: longText,
  notes: longText,
  price: money,
  priceOverrideReason: longText,
  paid: { type: 'boolean' },
  seriesId: { type: 'string', maxLength: 64 },
  occurrenceStart: optionalLocalDateTime,
  equipment: listOf(100, { itemId: { type: 'string', maxLength: 64 }, quantity: nonNegInt }, ['itemId', 'quantity']),
  layout: shortText,
}, ['roomId', 'start', 'end', 'title', 'category', 'status'], { indexes: ['start', ['roomId', 'start']] });
