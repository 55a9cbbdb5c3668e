import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from './types';

/**
 * Migration strategies per collection, keyed by the target schema version.
 * Every schema is at version 0 today; when a schema's `version` goes up, add
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
  visits: {},
  conflicts: {},
};
