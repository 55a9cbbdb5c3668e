/**
 * The change streams the desk subscribes to (shared/db/changes.ts) must not keep what was written. RxDB 17.6's
 * `collection.$` / `database.$` keep every event bulk they passed on in a module-level Map, for good: a subscriber
 * that listens while a year is loaded (Reports, a backup being read) kept the year in the page's heap. Here the
 * events one subscriber saw must be collectable once the stream has moved on.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { collectionChanges, databaseChanges, stampNew, type DeskDatabase } from '@shared/db';
import { testDatabases } from '@shared/db/testDatabase';
import { generateDataset } from '@shared/fixtures/generate';

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

const openDb = testDatabases();
const ds = generateDataset({ size: 'tiny', anchor: '2026-12-05T15:00' });
const author = { desk: 'test', volunteer: 'Тест' };

/** Writes `count` visits one by one while `stream` is listened to; true when an event it gave is still held after. */
async function eventsKept(db: DeskDatabase, stream: Observable<object>, count: number): Promise<boolean> {
  const seen: WeakRef<object>[] = [];
  const sub = stream.subscribe((event) => seen.push(new WeakRef(event)));
  const base = ds.visits[0]!;
  for (let i = 0; i < count; i++) await db.visits.insert(stampNew({ ...base, id: `visit-mem-${i}` }, author) as never);
  sub.unsubscribe();
  expect(seen.length).toBe(count);
  // RxDB keeps the last bulks for its own queries (the change event buffer): the first ones must be free by now
  const first = seen.slice(0, 20);
  seen.length = 0;
  for (let round = 0; round < 5; round++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  return first.some((ref) => ref.deref() !== undefined);
}

describe('change streams the desk listens to', () => {
  it('do not keep the events of a collection (collectionChanges)', async () => {
    const db = await openDb();
    expect(await eventsKept(db, collectionChanges(db.visits), 400)).toBe(false);
  });

  it('do not keep the events of the database (databaseChanges)', async () => {
    const db = await openDb();
    expect(await eventsKept(db, databaseChanges(db), 400)).toBe(false);
  });

  it("RxDB's own collection.$ does (why the desk does not use it; if this fails, RxDB fixed it and changes.ts can go)", async () => {
    const db = await openDb();
    expect(await eventsKept(db, db.visits.$, 400)).toBe(true);
  });
});
