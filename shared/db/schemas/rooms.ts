import type { BaseDoc } from '../types';
import type { WeekHours } from './settings';
import { collectionSchema, listOf, shortText, longText, nonNegInt, money } from './common';

export type RoomKind = 'hall' | 'room' | 'kitchen' | 'studio' | 'office' | 'other';
export const ROOM_KINDS: RoomKind[] = ['hall', 'room', 'kitchen', 'studio', 'office', 'other'];

export interface RoomSection {
  id: string; // short stable key, e.g. "A"
  name: string;
}

export interface RoomDoc extends BaseDoc {
  name: string;
  kind: RoomKind;
  /** Default capacity (people). */
  capacity: number;
  /** Capacity per layout: theatre / tables / open floor. 0 = not offered. */
  capacityByLayout: { theatre: number; tables: number; open: number };
  /** CSS colour for the calendar. */
  colour: string;
  /** Sections of a divisible hall; empty = indivisible room. */
  sections: RoomSection[];
  setupMinutes: number;
  cleanupMinutes: number;
  /** Hourly rate charged to outside organisers. */
  hourlyRate: number;
  bookable: boolean;
  /** Override of the centre's opening hours; null = inherit. */
  openingHours: WeekHours | null;
  notes: string;
  archived: boolean;
  /** Display order. */
  order: number;
}

export const roomSchema = collectionSchema<RoomDoc>('rooms', 0, {
  name: shortText,
  kind: { type: 'string', enum: ROOM_KINDS },
  capacity: nonNegInt,
  capacityByLayout: {
    type: 'object',
    properties: { theatre: nonNegInt, tables: nonNegInt, open: nonNegInt },
    additionalProperties: false,
  },
  colour: { type: 'string', maxLength: 32 },
  sections: listOf(12, { id: { type: 'string', maxLength: 16 }, name: shortText }, ['id', 'name']),
  setupMinutes: nonNegInt,
  cleanupMinutes: nonNegInt,
  hourlyRate: money,
  bookable: { type: 'boolean' },
  openingHours: { type: ['object', 'null'] },
  notes: longText,
  archived: { type: 'boolean' },
  order: { type: 'number', minimum: 0, maximum: 100000 },
}, ['name', 'kind', 'capacity', 'archived']);
