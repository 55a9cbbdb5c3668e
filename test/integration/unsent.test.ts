/**
 * The list of what a desk has not yet sent outlives a restart exactly (shared/sync/unsent.ts): the header's "Not
 * sent: N" after a restart counts every document written here that the server does not have, also while the desk
 * cannot reach the server, so it never says more is sent than is. The desk's own store is IndexedDB
 * (renderer/features/sync/unsentStore.ts, exercised in Chromium by test/e2e/sync.spec.ts); here the store is a Map
 * that copies what it keeps, as IndexedDB does, and the server is real.
 */
import { describe, expect, it } from 'vitest';
import { eventually, provisionTestCentre, reallyUnsent, useServerAndDesks, type Desk } from './server';
import { person, room } from './docs';
import type { StoredUnsent, SyncMemory, UnsentStore } from '../../shared/sync/unsent';

/** No server to be reached: every request fails as fetch does with the network gone. */
const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

function mapMemory(): SyncMemory & { keys: () => string[] } {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: (k, v) => void m.set(k, v), remove: (k) => void m.delete(k), keys: () => [...m.keys()] };
}

/** A store of lists that copies what it keeps; `refuse` makes every save fail, as a full disk would. */
function mapStore(): UnsentStore & { lists: Map<string, StoredUnsent>; refuse: boolean; refused: number } {
  const lists = new Map<string, StoredUnsent>();
  const store = {
    lists,
    refuse: false,
    refused: 0,
    async load(scope: string, collection: string) {
      const got = lists.get(`${scope}/${collection}`);
      return got ? structuredClone(got) : null;
    },
    async save(scope: string, collection: string, changes: Parameters<UnsentStore['save']>[2], seen: unknown) {
      if (store.refuse) {
        store.refused++;
        throw new DOMException('refused', 'QuotaExceededError');
      }
      const key = `${scope}/${collection}`;
      const unsent = changes.whole ? new Map<string, string>() : new Map(lists.get(key)?.unsent ?? []);
      for (const id of changes.removed) unsent.delete(id);
      for (const [id, at] of changes.set) unsent.set(id, at);
      lists.set(key, structuredClone({ unsent, seen }));
    },
  };
  return store;
}

const pending = (d: Desk) => d.sync!.status$.value.pending;

describe('what is not yet sent, across a restart', () => {
  const { server, desk } = useServerAndDesks();

  for (const kind of ['memory', 'store'] as const) {
    it(`a document written offline into a collection that was empty when the list was kept is counted after a restart (${kind})`, async () => {
      const a = await desk('a', await provisionTestCentre(server()));
      const lists = kind === 'store' ? { unsentStore: mapStore() } : {};
      await a.connect(lists);
      await a.sync!.awaitInSync(20000);
      await a.disconnect();
      // the rooms were empty when the list was last kept; one is added while the desk is off the network
      await a.db.rooms.insert(room(a.author, 'room-offline', 'Кухня'));
      await a.connect({ ...lists, fetch: offline });
      // before: the rooms' list had been kept without a checkpoint, so the new room was taken as the server's
      await eventually(() => pending(a) === 1, 10000, 'one room not sent');
      await a.disconnect();
      await a.connect(lists);
      await eventually(() => pending(a) === 0 && a.sync!.status$.value.synced, 15000, 'sent, and "Synced"');
      expect(await reallyUnsent(a)).toBe(0);
    });
  }

  it('a list an earlier version kept in the key-value memory is moved to the store, and forgotten there', async () => {
    const a = await desk('a', await provisionTestCentre(server()));
    const memory = mapMemory();
    await a.connect({ memory });
    await a.sync!.awaitInSync(20000);
    await a.disconnect();
    await a.connect({ memory, fetch: offline });
    await a.db.people.insert(person(a.author, 'p-1', 'Вера Кузнецова'));
    await a.db.people.insert(person(a.author, 'p-2', 'Олег Смирнов'));
    await eventually(() => pending(a) === 2, 10000, 'two not sent');
    await a.disconnect();
    expect(memory.keys().filter((k) => k.endsWith('/unsent/people'))).toHaveLength(1);

    const store = mapStore();
    await a.connect({ memory, unsentStore: store, fetch: offline });
    await eventually(() => pending(a) === 2, 10000, 'still two not sent, read from the memory');
    await a.disconnect();
    const kept = [...store.lists].find(([k]) => k.endsWith('/people'))?.[1];
    expect([...(kept?.unsent.keys() ?? [])].sort()).toEqual(['p-1', 'p-2']);
    expect(memory.keys().filter((k) => k.includes('/unsent/') || k.includes('/seen/'))).toEqual([]);

    await a.connect({ memory, unsentStore: store });
    await eventually(() => pending(a) === 0 && a.sync!.status$.value.synced, 15000, 'sent, and "Synced"');
    expect(await reallyUnsent(a)).toBe(0);
  });

  it('a save the store refuses changes nothing kept; what it held goes with the next save that is taken', async () => {
    const a = await desk('a', await provisionTestCentre(server()));
    const store = mapStore();
    await a.db.rooms.insert(room(a.author, 'room-hall', 'Зал'));
    await a.connect({ unsentStore: store });
    await a.sync!.awaitInSync(20000);
    await a.disconnect();
    await a.connect({ unsentStore: store, fetch: offline });
    store.refuse = true;
    for (let i = 0; i < 3; i++) await a.db.rooms.insert(room(a.author, `room-${i}`, `Комната ${i}`));
    await eventually(() => pending(a) === 3 && store.refused > 0, 10000, 'three not sent, a save refused');
    store.refuse = false;
    // the next write is kept: with it go the three rooms the refused save held, under the checkpoint past them
    await a.db.people.insert(person(a.author, 'p-1', 'Вера Кузнецова'));
    await eventually(() => [...store.lists].some(([k, l]) => k.endsWith('/people') && l.unsent.has('p-1')), 10000, 'a save taken');
    await a.disconnect();
    await a.connect({ unsentStore: store, fetch: offline });
    await eventually(() => pending(a) === 4, 10000, 'four not sent after the restart');
    await a.disconnect();
    await a.connect({ unsentStore: store });
    await eventually(() => pending(a) === 0 && a.sync!.status$.value.synced, 15000, 'sent, and "Synced"');
    expect(await reallyUnsent(a)).toBe(0);
  });
});
