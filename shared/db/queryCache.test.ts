import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, type DeskDatabase } from './database';
import { generateDataset } from '../fixtures/generate';
import { dropLargeIdleQueries, IDLE_QUERY_POLICY } from './queryCache';

let db: DeskDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('query cache', () => {
  it('lets go of an unwatched query with a large result, keeps watched and small ones', async () => {
    db = await createDatabase({ name: 'qc-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), multiInstance: false });
    const ds = generateDataset({ size: 'tiny', anchor: '2026-11-20T15:00' });
    await db.visits.bulkInsert(ds.visits);
    const big = db.visits.find();
    // eslint-disable-next-line no-restricted-syntax -- an RxQuery's own $, not a collection's
    const sub = big.$.subscribe(() => undefined);
    await big.exec();
    const small = db.visits.find({ limit: 5 });
    await small.exec();
    const cache = db.visits._queryCache;
    const policy = dropLargeIdleQueries(100);
    policy(db.visits, cache);
    expect([...cache._map.values()]).toContain(big); // watched: kept
    sub.unsubscribe();
    policy(db.visits, cache);
    expect([...cache._map.values()]).not.toContain(big); // 200 visits, nobody watching: gone
    expect([...cache._map.values()]).toContain(small);
  });

  it('is the policy of every collection of a desk database (the default kept 100 unwatched queries, whatever their size)', async () => {
    db = await createDatabase({ name: 'qc-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), multiInstance: false });
    for (const c of ['visits', 'people', 'loans', 'bookings'] as const) expect(db[c].cacheReplacementPolicy, c).toBe(IDLE_QUERY_POLICY);
  });
});
