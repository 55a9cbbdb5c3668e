import type { MigrationStrategies } from 'rxdb';
import { isLocalDate, isLocalDateTime, rollOver } from '../time';
import type { CollectionName } from './types';

/**
 * The schemas' date and time patterns became strict (shared/db/schemas/common.ts): a time no reader understands
 * ("2026-02-31T10:00", possible before from a desk whose bookings check was lax) rolls over as that desk showed it
 * (→ "2026-03-03T10:00"), so the document stays, readable, instead of failing the migration or being dropped.
 */
const readable = (value: unknown): unknown =>
  typeof value !== 'string' || value === '' || isLocalDateTime(value) || isLocalDate(value) ? value : rollOver(value);
function strictTimes<T extends Record<string, unknown>>(fields: readonly string[]): (doc: T) => T {
  return (doc) => {
    const out: Record<string, unknown> = { ...doc };
    for (const f of fields) if (f in out) out[f] = readable(out[f]);
    return out as T;
  };
}
type Doc = Record<string, any>;

/**
 * Migration strategies per collection, keyed by the target schema version.
 * Migrations must be synchronous (a backup of an older version is migrated while it is read).
 * When a schema's `version` goes up, add
 * `{ [newVersion]: (oldDoc) => newDoc }` here and a test in migrations.test.ts.
 */
export const migrationStrategies: Record<CollectionName, MigrationStrategies> = {
  // v1: strict dates in closures and poster prints.
  settings: {
    1: (doc: Doc) => ({
      ...doc,
      closures: (doc.closures ?? []).map((c: Doc) => strictTimes(['from', 'to'])(c)),
      posterPrints: (doc.posterPrints ?? []).map((p: Doc) => strictTimes(['week'])(p)),
    }),
    // v2: the centre's time zone (optional; missing = each desk's own zone, as before).
    2: (doc: Doc) => doc,
  },
  rooms: {},
  people: {},
  groups: {},
  // v1: strict start, end and occurrence start.
  bookings: { 1: strictTimes(['start', 'end', 'occurrenceStart']) },
  // v1: strict dtstart, end date and exception times (an exception whose time has no date shape is dropped: it
  // matched no occurrence).
  series: {
    1: (doc: Doc) => ({
      ...strictTimes(['dtstart', 'endedOn'])(doc),
      exceptions: (doc.exceptions ?? []).map((x: Doc) => strictTimes(['occurrenceStart'])(x)).filter((x: Doc) => x.occurrenceStart !== ''),
    }),
  },
  items: {},
  // v1: strict out, due and return times.
  loans: {
    1: (doc: Doc) => ({
      ...strictTimes(['outAt', 'dueAt', 'returnedAt'])(doc),
      lines: (doc.lines ?? []).map((l: Doc) => strictTimes(['returnedAt'])(l)),
    }),
  },
  // v1: optional `visitorKey` on anonymised visits; older visits need no change. v2: strict time in and out.
  visits: { 1: (doc) => doc, 2: strictTimes(['timeIn', 'timeOut']) },
  conflicts: {},
  staff: {},
  audit: {},
};
