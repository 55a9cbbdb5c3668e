import type { BaseDoc, LocalDate } from '../types';
import { collectionSchema, listOf, longText, shortText, localDate, nonNegInt } from './common';

/** Opening hours per weekday (RFC 5545 day codes, Monday first); `null` = closed that day. */
export interface DayHours {
  open: string; // HH:mm
  close: string; // HH:mm
}
export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeekHours = Record<Weekday, DayHours | null>;

export interface Closure {
  from: LocalDate;
  to: LocalDate;
  reason: string;
}

export interface SettingsDoc extends BaseDoc {
  /** Always 'centre': one settings document per centre profile. */
  name: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  /** data: URL of the logo (small PNG/SVG), shown on posters. */
  logo: string;
  openingHours: WeekHours;
  closures: Closure[];
  /** Pricing: whether setup/clean-up time is billed to outside organisers. */
  billSetupTime: boolean;
  currency: string;
  /** Days after which visits lose the visitor's name and person link. 0 = keep forever. */
  retentionDays: number;
  /** Default UI/poster language: 'ru' | 'en'. */
  language: string;
  /** URL encoded in the poster's QR code. */
  posterUrl: string;
  /** The last printed poster of each recent week (newest 8): what it showed, to flag later changes. */
  posterPrints?: PosterPrint[];
  /** How many automatic daily backups to keep in the backup folder (desktop app); missing = 14. */
  autoBackupKeep?: number;
  /**
   * The centre's IANA time zone ("Asia/Novokuznetsk"), in which calendar files (.ics) read booking times; missing or
   * '' = each desk's own zone. Synced, so every desk exports the same instants (v2).
   */
  timeZone?: string;
}

export interface PosterPrint {
  /** Monday of the week. */
  week: LocalDate;
  printedAt: string;
  events: { key: string; title: string; start: string; end: string; roomName: string }[];
}

const hours = {
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      properties: {
        open: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
        close: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
      },
      required: ['open', 'close'],
      additionalProperties: false,
    },
  ],
} as const;

export const settingsSchema = collectionSchema<SettingsDoc>('settings', 2, {
  name: shortText,
  address: shortText,
  phone: shortText,
  email: shortText,
  website: shortText,
  logo: { type: 'string', maxLength: 400000 },
  openingHours: {
    type: 'object',
    properties: { mo: hours, tu: hours, we: hours, th: hours, fr: hours, sa: hours, su: hours },
    additionalProperties: false,
  },
  closures: listOf(500, { from: localDate, to: localDate, reason: shortText }, ['from', 'to']),
  billSetupTime: { type: 'boolean' },
  currency: { type: 'string', maxLength: 8 },
  retentionDays: nonNegInt,
  language: { type: 'string', enum: ['ru', 'en'] },
  posterUrl: longText,
  autoBackupKeep: { type: 'integer', minimum: 1, maximum: 365 },
  timeZone: { type: 'string', maxLength: 64 },
  posterPrints: listOf(
    8,
    {
      week: localDate,
      printedAt: { type: 'string', maxLength: 40 },
      events: listOf(
        500,
        {
          key: { type: 'string', maxLength: 120 },
          title: shortText,
          start: { type: 'string', maxLength: 19 },
          end: { type: 'string', maxLength: 19 },
          roomName: shortText,
        },
        ['key', 'start', 'end'],
      ),
    },
    ['week', 'printedAt', 'events'],
  ),
}, ['name']);

export const SETTINGS_ID = 'centre';
