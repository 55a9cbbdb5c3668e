/** JSON-schema fragments shared by every collection schema. */
import type { RxJsonSchema } from 'rxdb';

export const idField = { type: 'string', maxLength: 64 } as const;
export const isoInstant = { type: 'string', maxLength: 40 } as const;
/*
 * A real calendar date and wall-clock time, as `isLocalDate` / `isLocalDateTime` of shared/time read them (a property
 * test keeps the two in agreement): "2026-02-31", month 13, hour 24 or minute 60 are refused by the desk's write
 * checks and by the server's validate_doc_update, so no desk can store or sync a time another desk cannot read.
 */
const DAY_IN_MONTH = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const DATE = `(?:\\d\\d\\d\\d-${DAY_IN_MONTH}|${LEAP_YEAR}-02-29)`;
const CLOCK = '(?:[01]\\d|2[0-3]):[0-5]\\d';
const DATE_TIME = `${DATE}T${CLOCK}(?::[0-5]\\d)?`;

export const localDate = { type: 'string', maxLength: 10, pattern: `^${DATE}$` } as const;
export const localDateTime = { type: 'string', maxLength: 19, pattern: `^${DATE_TIME}$` } as const;
/** A local date, or '' (not set). */
export const optionalLocalDate = { type: 'string', maxLength: 10, pattern: `^(?:${DATE})?$` } as const;
/** A local date-time, or '' (not set: a visit not signed out, a line not returned, a one-off booking). */
export const optionalLocalDateTime = { type: 'string', maxLength: 19, pattern: `^(?:${DATE_TIME})?$` } as const;
export const shortText = { type: 'string', maxLength: 200 } as const;
export const longText = { type: 'string', maxLength: 5000 } as const;
export const nonNegInt = { type: 'integer', minimum: 0, maximum: 1000000 } as const;
export const money = { type: 'number', minimum: 0, maximum: 100000000 } as const;

export const author = {
  type: 'object',
  properties: { desk: shortText, volunteer: shortText },
  required: ['desk', 'volunteer'],
  additionalProperties: false,
} as const;

/** Fields every document carries (see shared/db/types.ts). */
export const baseProperties = {
  id: idField,
  createdAt: isoInstant,
  updatedAt: isoInstant,
  updatedBy: author,
} as const;
export const baseRequired = ['id', 'createdAt', 'updatedAt', 'updatedBy'] as const;

export const stringArray = { type: 'array', items: shortText, maxItems: 200 } as const;

/**
 * A collection's schema: `id` as the primary key, the fields every document carries (`baseProperties`,
 * `baseRequired`) before the collection's own, and no field the schema does not name.
 */
export function collectionSchema<T>(
  title: string,
  version: number,
  properties: Record<string, unknown>,
  required: readonly string[],
  extra: { indexes?: (string | string[])[] } = {},
): RxJsonSchema<T> {
  return {
    title,
    version,
    primaryKey: 'id',
    type: 'object',
    properties: { ...baseProperties, ...properties },
    required: [...baseRequired, ...required],
    ...extra,
    additionalProperties: false,
  } as unknown as RxJsonSchema<T>;
}

/** A list of at most `maxItems` records with exactly these fields (`required` of them always present). */
export function listOf(maxItems: number, properties: Record<string, unknown>, required: readonly string[] = []) {
  return { type: 'array', maxItems, items: { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false } } as const;
}
