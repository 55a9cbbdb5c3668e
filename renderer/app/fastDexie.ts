import { categorizeBulkWriteRows, ensureNotFalsy, flatCloneDocWithMeta, getQueryMatcher, getSortComparator, type RxStorage } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  fromStorageToDexie,
  getDocsInDb,
  getKeyRangeByQueryPlan,
  getRxStorageDexie,
} from 'rxdb/plugins/storage-dexie';
import { assertFastDexieRxdbVersion } from './rxdbVersion';

/**
 * RxDB's Dexie storage, with queries read in one `getAll` on the index range instead of a cursor stepped
 * record by record. RxDB's `dexieQuery` walks an IndexedDB cursor: one round trip to the browser's
 * IndexedDB backend per document, which made a month's report and every full-list screen
 * slow. `IDBIndex.getAll(range)` returns the same records in the same (index) order in one request;
 * filtering, sorting, skip and limit are applied exactly as RxDB does. A query that RxDB can stop early on
 * (index order is the sort order and a limit is set, with no extra filter) reads only `skip + limit` rows.
 *
 * Writes that only insert (see `insertOnlyBulkWrite`) skip the read of every written id before the write.
 *
 * The changes since a checkpoint (`fastChangedSince`) are read straight from the `[_meta.lwt+id]` index after it.
 */
export function getFastDexieStorage(): RxStorage<any, any> {
  assertFastDexieRxdbVersion();
  const base = getRxStorageDexie();
  return {
    ...base,
    async createStorageInstance(params: any) {
      const instance: any = await base.createStorageInstance(params);
      instance.query = (preparedQuery: any) => fastDexieQuery(instance, preparedQuery);
      instance.getChangedDocumentsSince = (limit: number, checkpoint?: ChangesCheckpoint) => fastChangedSince(instance, limit, checkpoint);
      const stockBulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows: any[], context: string) =>
        isPlainInsert(instance, rows) ? insertOnlyBulkWrite(instance, rows, context) : stockBulkWrite(rows, context);
      return instance;
    },
  } as RxStorage<any, any>;
}

/** `IDBIndex.getAll` as a promise (inside the caller's transaction). */
function getAll(index: IDBIndex, range: IDBKeyRange | undefined, count: number | undefined): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const req: IDBRequest<any[]> = index.getAll(range, count);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function fastDexieQuery(instance: any, preparedQuery: any): Promise<{ documents: any[] }> {
  if (instance.closed) throw new Error(`storage instance ${instance.collectionName} is closed`);
  const state = await instance.internals;
  const { query, queryPlan } = preparedQuery;
  const skip: number = query.skip ? query.skip : 0;
  const limit: number = typeof query.limit === 'number' ? query.limit : Infinity;
  const skipPlusLimit = skip + limit;
  const matcher = queryPlan.selectorSatisfiedByIndex ? null : getQueryMatcher(instance.schema, query);
  let keyRange: IDBKeyRange;
  try {
    keyRange = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, state.dexieDb._options.IDBKeyRange);
  } catch (err) {
    if ((err as Error).name === 'DataError') return { documents: [] };
    throw err;
  }
  const indexName = '[' + (queryPlan.index as string[]).map((f) => dexieReplaceIfStartsWithPipe(f)).join('+') + ']';
  const count = !matcher && queryPlan.sortSatisfiedByIndex && Number.isFinite(skipPlusLimit) ? skipPlusLimit : undefined;
  let rows: any[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (dexieTx: any) => {
    const index = dexieTx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
    const raw = await getAll(index, keyRange, count);
    for (const value of raw) {
      const doc = fromDexieToStorage(state.booleanIndexes, value);
      if (!matcher || matcher(doc)) rows.push(doc);
    }
  });
  if (!queryPlan.sortSatisfiedByIndex) rows = rows.sort(getSortComparator(instance.schema, query));
  return { documents: rows.slice(skip, skipPlusLimit) };
}

interface ChangesCheckpoint {
  id: string;
  lwt: number;
}

/**
 * RxDB's `getChangedDocumentsSince` (every page of a push's upstream, the sync engine's look at local changes): the
 * next `limit` documents after the checkpoint in `[_meta.lwt+id]` order, deleted ones included, as RxDB's own
 * query gives them. That query (`lwt > since OR (lwt = since AND id > sinceId)`) is a filter over the index range
 * from `since`: read with `getAll` it read every record after the checkpoint for each page (a year's first push
 * read the tens of thousands of remaining visits for each page of 100), and a bulk load gives a whole chunk one
 * `lwt`. The range here starts just after `[lwt, id]`, so a page reads its own records only.
 */
export async function fastChangedSince(instance: any, limit: number, checkpoint?: ChangesCheckpoint): Promise<{ documents: any[]; checkpoint: ChangesCheckpoint }> {
  if (instance.closed) throw new Error(`storage instance ${instance.collectionName} is closed`);
  const state = await instance.internals;
  const primary = instance.primaryPath as string;
  const indexName = `[_meta.lwt+${dexieReplaceIfStartsWithPipe(primary)}]`;
  const range = checkpoint ? state.dexieDb._options.IDBKeyRange.lowerBound([checkpoint.lwt, checkpoint.id], true) : undefined;
  let documents: any[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (dexieTx: any) => {
    const index = dexieTx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
    const raw = await getAll(index, range, limit);
    documents = raw.map((value) => fromDexieToStorage(state.booleanIndexes, value));
  });
  const last = documents[documents.length - 1];
  return { documents, checkpoint: last ? { id: last[primary], lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }) };
}

/**
 * True for a write of new documents only: no row has a `previous`, every row has its revision, no attachments
 * (none of our schemas has them), no id twice. Anything else goes through RxDB's own `bulkWrite`. Development and
 * production take the same path (dev mode's copy of each row is made in `insertOnlyBulkWrite`, as RxDB does).
 */
function isPlainInsert(instance: any, rows: any[]): boolean {
  if (instance.schema.attachments || rows.length === 0) return false;
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.previous || !row.document._rev) return false;
    ids.add(row.document[instance.primaryPath]);
  }
  return ids.size === rows.length;
}

/**
 * RxDB's Dexie `bulkWrite` for a write of new documents, without reading every id first.
 *
 * The stock write opens a read-write transaction, `bulkGet`s every id (one IndexedDB request per document —
 * a large share of the demo load: docs/performance.md), sorts the rows with `categorizeBulkWriteRows` (a row whose id
 * exists is a 409 conflict, the rest are inserts) and `bulkPut`s the inserts. Here the same transaction
 * `bulkAdd`s the rows: IndexedDB refuses exactly the ids that exist (ConstraintError; Dexie keeps the
 * transaction going when the error is caught), only those documents are read, and the rows are sorted with
 * the same `categorizeBulkWriteRows` — so the stored records, the 409 errors (with `documentInDb`), the change
 * event bulk and its checkpoint are what the stock write gives.
 */
/** How many writes took the insert-only path (tests check that development takes it too). */
export const fastDexieStats = { insertOnlyWrites: 0 };

export async function insertOnlyBulkWrite(instance: any, rows: any[], context: string): Promise<{ error: any[] }> {
  if (instance.closed) throw new Error('RxStorageInstanceDexie is closed ' + instance.databaseName + '-' + instance.collectionName);
  // RxDB's dev mode makes the stock write work on a copy of each document and its _meta: the same here
  if (instance.devMode) rows = rows.map((row) => ({ previous: row.previous, document: flatCloneDocWithMeta(row.document) }));
  fastDexieStats.insertOnlyWrites++;
  const state = await instance.internals;
  const primaryPath: string = instance.primaryPath;
  let categorized: ReturnType<typeof categorizeBulkWriteRows> | undefined;
  await state.dexieDb.transaction('rw', state.dexieTable, state.dexieAttachmentsTable, async () => {
    let existing: string[] = [];
    try {
      await state.dexieTable.bulkAdd(rows.map((row) => fromStorageToDexie(state.booleanIndexes, row.document)));
    } catch (err: any) {
      const failures: Record<string, Error> = err?.name === 'BulkError' ? err.failuresByPos : {};
      const positions = Object.keys(failures);
      if (!positions.length || positions.some((pos) => failures[pos]!.name !== 'ConstraintError')) throw err;
      existing = positions.map((pos) => rows[Number(pos)].document[primaryPath]);
    }
    const docsInDb = new Map<string, any>();
    if (existing.length) {
      for (const doc of await getDocsInDb(instance.internals, existing)) if (doc) docsInDb.set((doc as any)[primaryPath], doc);
    }
    categorized = categorizeBulkWriteRows(instance, primaryPath as never, docsInDb, rows, context);
  });
  const result = ensureNotFalsy(categorized);
  if (result.eventBulk.events.length > 0) {
    const lastState: any = ensureNotFalsy(result.newestRow).document;
    result.eventBulk.checkpoint = { id: lastState[primaryPath], lwt: lastState._meta.lwt };
    instance.changes$.next(result.eventBulk);
  }
  return { error: result.errors };
}
