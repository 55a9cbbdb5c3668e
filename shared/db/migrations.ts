import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from './types';

/**
 * Migration strategies per collection, keyed by the target schema version.
 * Migrations must be synchronous (a backup of an older version is migrated while it is read).
 * When a schema's `version` goes up, add
 * `{ [newVersion]: (oldDoc) => newDoc }` here and a test in migrations.test.ts.
 */
export const migrationStrategies: Record<CollectionName, MigrationStrategies> = {
  settings: {},
  rooms: {},
  people: {},
  groups: {},
  bookings: {},
  series: {},
  items: {},
  loans: {},
  // v1: optional `visitorKey` on anonymised visits; older visits need no change.
  visits: { 1: (doc) => doc },
  conflicts: {},
  staff: {},
  audit: {},
};
