/**
 * The desk's store of unsent lists (unsentStore.ts) with Dexie over fake-indexeddb, an in-memory IndexedDB in
 * Node (a stand-in for Chromium's; test/e2e/sync.spec.ts runs the store in Chromium). What is loaded after any run
 * of saves is exactly the engine's list at the last save, with that save's checkpoint, while the log is folded
 * into the whole list as it grows.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnsentList } from '@shared/sync/unsent';
import { unsentStore } from './unsentStore';

let dbs = 0;
const fresh = () => `unsent-test-${++dbs}`;

async function logRows(name: string): Promise<number> {
  const db = new Dexie(name);
  await db.open(); // dynamic mode: the tables as the store made them
  const n = await db.table('log').count();
  db.close();
  return n;
}

describe('unsentStore (IndexedDB)', () => {
  it('has no list for a scope it never kept one for', async () => {
    const store = unsentStore(fresh());
    expect(await store.load('c@http://s/', 'rooms')).toBeNull();
  });

  it('a whole list, then changes, read back as the list was at the last save, with its checkpoint; scopes apart', async () => {
    const name = fresh();
    const store = unsentStore(name);
    const list = new UnsentList(true);
    for (let i = 0; i < 50; i++) list.set(`v-${i}`, `2026-12-0${(i % 9) + 1}`);
    await store.save('c@s', 'visits', list.take(), null);
    for (let i = 0; i < 20; i++) list.delete(`v-${i}`);
    list.set('v-99', '2026-12-06');
    list.set('v-30', '2026-12-07');
    await store.save('c@s', 'visits', list.take(), { id: 'v-99', lwt: 7 });
    await store.save('c@s', 'visits', list.take(), { id: 'v-99', lwt: 8 }); // nothing changed but the checkpoint
    const other = new UnsentList(true);
    other.set('r-1', 'x');
    await store.save('d@s', 'visits', other.take(), null);

    const again = unsentStore(name); // a restart: a new connection to the same database
    const got = await again.load('c@s', 'visits');
    expect(got?.seen).toEqual({ id: 'v-99', lwt: 8 });
    expect(new Map([...(got?.unsent ?? [])].sort())).toEqual(new Map([...list.take().all()].sort()));
    expect(got?.unsent.get('v-30')).toBe('2026-12-07');
    expect((await again.load('d@s', 'visits'))?.unsent).toEqual(new Map([['r-1', 'x']]));
    expect(await again.load('c@s', 'rooms')).toBeNull();
  });

  it('a push confirming a year bit by bit: the log is folded into the whole as it grows, and what loads is always exact', async () => {
    const name = fresh();
    const store = unsentStore(name);
    const list = new UnsentList(true);
    for (let i = 0; i < 12_000; i++) list.set(`v-${String(i).padStart(5, '0')}`, '2026-12-06T10:00:00.000Z');
    await store.save('c@s', 'visits', list.take(), { lwt: 0 });
    let most = 0;
    for (let i = 0, save = 1; i < 12_000; i += 500, save++) {
      for (let j = i; j < i + 500; j++) list.delete(`v-${String(j).padStart(5, '0')}`);
      if (save % 5 === 0) list.set(`v-new-${save}`, '2026-12-06T11:00:00.000Z'); // the desk writes meanwhile
      await store.save('c@s', 'visits', list.take(), { lwt: save });
      most = Math.max(most, await logRows(name));
      if (save % 6 === 0) {
        const got = await unsentStore(name).load('c@s', 'visits');
        expect(got?.seen).toEqual({ lwt: save });
        expect([...(got?.unsent.keys() ?? [])].sort()).toEqual([...list.keys()].sort());
      }
    }
    // 24 saves of 500: folded at least once (without folding the log would hold 24 rows)
    expect(most).toBeLessThan(24);
    expect([...((await unsentStore(name).load('c@s', 'visits'))?.unsent.keys() ?? [])].sort()).toEqual([...list.keys()].sort());
  });
});
