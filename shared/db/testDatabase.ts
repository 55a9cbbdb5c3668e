/**
 * For tests: `const openDb = testDatabases()` at the top of a test file; `await openDb()` gives a fresh in-memory
 * desk database (dev mode on, a unique name), closed after each test.
 */
import { afterEach } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, type CreateDatabaseOptions, type DeskDatabase } from './database';

export function testDatabases(): (options?: Partial<CreateDatabaseOptions>) => Promise<DeskDatabase> {
  const open: DeskDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });
  return async (options = {}) => {
    const db = await createDatabase({ name: 'test-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true, multiInstance: false, ...options });
    open.push(db);
    return db;
  };
}
