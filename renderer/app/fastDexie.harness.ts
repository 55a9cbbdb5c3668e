// Test harness only (fastDexie.test.ts bundles it; the bulk-load A/B script in /tmp can too): loads a dataset
// into a desk database on RxDB's stock Dexie storage or on getFastDexieStorage(), and reads it back.
import { getChangedDocumentsSince, normalizeMangoQuery, prepareQuery } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDatabase, databaseChanges, type DeskDatabase } from '@shared/db';
import { DATASET_ORDER, generateDataset, type FixtureSize } from '@shared/fixtures/generate';
import { loadDataset } from '@shared/fixtures/load';
import { fastDexieStats, getFastDexieStorage } from './fastDexie';

export type StorageKind = 'fast' | 'stock';
const ANCHOR = '2026-11-20T15:00';

const open = (kind: StorageKind, name: string, validate = true, devMode = false) =>
  createDatabase({ name, storage: kind === 'fast' ? getFastDexieStorage() : getRxStorageDexie(), multiInstance: false, validate, devMode, collections: DATASET_ORDER });

/** Every stored IndexedDB record of the database, per collection, by primary key; `_rev`'s token and `_meta.lwt` (per write) blanked. */
async function storedRecords(dbName: string): Promise<Record<string, unknown[]>> {
  const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  const out: Record<string, unknown[]> = {};
  for (const info of await indexedDB.databases()) {
    const m = info.name?.match(new RegExp(`^rxdb-dexie-${dbName}--\\d+--(.+)$`));
    if (!m || m[1]!.startsWith('_rxdb_internal')) continue; // RxDB's own tokens, random per database
    const idb = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open(info.name!);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    for (const store of Array.from(idb.objectStoreNames)) {
      const rows = (await req(idb.transaction(store).objectStore(store).getAll())) as any[];
      if (!rows.length) continue;
      out[`${m[1]}/${store}`] = rows.map((r) => ({ ...r, _rev: String(r._rev).split('-')[0], _meta: { ...r._meta, lwt: typeof r._meta?.lwt } }));
    }
    idb.close();
  }
  return out;
}

async function queries(db: DeskDatabase): Promise<Record<string, unknown>> {
  const json = (docs: { toJSON(): unknown }[]) => docs.map((d) => d.toJSON());
  const out: Record<string, unknown> = {};
  for (const c of DATASET_ORDER) {
    const coll = db[c] as any;
    out[`${c} all`] = json(await coll.find().exec());
    out[`${c} skip 2 limit 3`] = json(await coll.find().skip(2).limit(3).exec());
    out[`${c} count`] = await coll.count().exec();
  }
  const visits = db.visits.find().exec();
  const mid = (await visits)[Math.floor((await visits).length / 2)]!.timeIn;
  out['visits from mid by timeIn'] = json(await db.visits.find({ selector: { timeIn: { $gte: mid } }, sort: [{ timeIn: 'asc' }] }).exec());
  out['visits before mid, newest 5'] = json(await db.visits.find({ selector: { timeIn: { $lt: mid } }, sort: [{ timeIn: 'desc' }], limit: 5 }).exec());
  out['visits adults > 1 by timeIn'] = json(await db.visits.find({ selector: { adults: { $gt: 1 } }, sort: [{ timeIn: 'asc' }] }).exec());
  const room = (await db.rooms.find().exec())[0]!.id;
  out['bookings of a room by start'] = json(await db.bookings.find({ selector: { roomId: room }, sort: [{ start: 'asc' }] }).exec());
  return out;
}

async function load(kind: StorageKind, size: FixtureSize, options: { validate?: boolean; chunkSize?: number; read?: boolean; devMode?: boolean } = {}) {
  const name = `h-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await open(kind, name, options.validate, options.devMode);
  const events: Record<string, number> = {};
  const sub = databaseChanges(db).subscribe((e) => (events[e.collectionName] = (events[e.collectionName] ?? 0) + 1));
  const ds = generateDataset({ size, anchor: ANCHOR, desk: 'desk-harness' });
  const t0 = performance.now();
  const writesBefore = fastDexieStats.insertOnlyWrites;
  await loadDataset(db, ds, { chunkSize: options.chunkSize ?? 1000 });
  const ms = performance.now() - t0;
  const insertOnlyWrites = fastDexieStats.insertOnlyWrites - writesBefore;
  sub.unsubscribe();
  const read = options.read === false ? null : { records: await storedRecords(name), queries: await queries(db) };
  await db.remove();
  return { ms, events, insertOnlyWrites, ...read };
}

/** A second insert of existing ids (409s), mixed with new ones, and what is stored afterwards. */
async function conflicts(kind: StorageKind, devMode = false) {
  const name = `h-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await open(kind, name, true, devMode);
  const ds = generateDataset({ size: 'tiny', anchor: ANCHOR, desk: 'desk-harness' });
  const rooms = ds.rooms as any[];
  await db.rooms.bulkInsert(rooms.slice(0, 3));
  await db.rooms.findOne(rooms[1].id).exec().then((d) => d!.remove());
  const again = await db.rooms.bulkInsert([{ ...rooms[0], name: 'changed' }, rooms[3], { ...rooms[2], name: 'x' }, { ...rooms[4], capacity: -1 }]);
  const result = {
    errors: again.error.map((e: any) => ({ status: e.status, id: e.documentId, inDb: e.documentInDb?.name ?? null })),
    success: again.success.map((d: any) => d.id),
    revived: await db.rooms.insert({ ...rooms[1], name: 'revived' }).then((d) => d.toJSON(), (e: Error) => String(e.message).slice(0, 40)),
    records: await storedRecords(name),
  };
  await db.remove();
  return result;
}

/** Queries a page makes on the full dataset (the anchor's year), at the storage level (no RxDB query cache). */
const TIMED: Record<string, [string, object]> = {
  'visits of a month (report)': ['visits', { selector: { timeIn: { $gte: '2026-10-01T00:00', $lt: '2026-11-01T00:00' } } }],
  'bookings of a week (calendar)': ['bookings', { selector: { start: { $gte: '2026-11-14T00:00', $lt: '2026-11-23T00:00' } } }],
  'series before a date (calendar)': ['series', { selector: { dtstart: { $lt: '2026-11-23T00:00' } } }],
  'all people (directory, search index)': ['people', { selector: {} }],
  'loans since a date (counter)': ['loans', { selector: { outAt: { $gte: '2026-08-01T00:00' } } }],
  'open loans (status index)': ['loans', { selector: { status: 'open' } }],
};

/** Median milliseconds of each query in TIMED on a database of `size` (loaded first), `times` runs each. */
async function timeQueries(kind: StorageKind, size: FixtureSize, times = 9) {
  const name = `h-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await open(kind, name);
  await loadDataset(db, generateDataset({ size, anchor: ANCHOR, desk: 'desk-harness' }), { chunkSize: 1000 });
  const out: Record<string, { docs: number; medianMs: number }> = {};
  for (const [label, [c, mango]] of Object.entries(TIMED)) {
    const coll = (db as any)[c];
    const prepared = prepareQuery(coll.schema.jsonSchema, normalizeMangoQuery(coll.schema.jsonSchema, mango as never));
    const ms: number[] = [];
    let docs = 0;
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      docs = (await coll.storageInstance.query(prepared)).documents.length;
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    out[label] = { docs, medianMs: Math.round(ms[Math.floor(ms.length / 2)]! * 10) / 10 };
  }
  await db.remove();
  return out;
}

/**
 * Every visit read page by page with RxDB's changes query (what a push's upstream does): the ids in order, and
 * how many IndexedDB records the storage read for them (every `IDBIndex.getAll` answer counted).
 */
async function changesRead(kind: StorageKind, pageSize: number) {
  const name = `h-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await open(kind, name);
  await loadDataset(db, generateDataset({ size: 'tiny', anchor: ANCHOR, desk: 'desk-harness' }), { chunkSize: 1000 });
  // deleted documents are changes too; one edited after them comes last
  const some = await db.visits.find({ limit: 4 }).exec();
  for (const d of some.slice(0, 3)) await d.remove();
  await some[3]!.incrementalPatch({ adults: 2 });
  const original = IDBIndex.prototype.getAll;
  let read = 0;
  IDBIndex.prototype.getAll = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
    const req = original.apply(this, args);
    req.addEventListener('success', () => (read += (req.result as unknown[]).length));
    return req;
  };
  const ids: string[] = [];
  try {
    let checkpoint: unknown;
    for (;;) {
      const page = await getChangedDocumentsSince(db.visits.storageInstance as never, pageSize, checkpoint as never);
      if (page.documents.length === 0) break;
      for (const d of page.documents as unknown as { id: string }[]) ids.push(d.id);
      checkpoint = page.checkpoint;
    }
  } finally {
    IDBIndex.prototype.getAll = original;
  }
  await db.remove();
  return { ids, read };
}

declare global {
  interface Window {
    __fastDexie: { load: typeof load; conflicts: typeof conflicts; timeQueries: typeof timeQueries; changesRead: typeof changesRead };
  }
}

window.__fastDexie = { load, conflicts, timeQueries, changesRead };
