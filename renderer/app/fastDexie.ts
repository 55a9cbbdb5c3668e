import { getQueryMatcher, getSortComparator, type RxStorage } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
  getRxStorageDexie,
} from 'rxdb/plugins/storage-dexie';

/**
 * RxDB's Dexie storage, with queries read in one `getAll` on the index range instead of a cursor stepped
 * record by record. RxDB's `dexieQuery` walks an IndexedDB cursor: one round trip to the browser's
 * IndexedDB backend per document, which made a month's report (≈10,000 visits) and every full-list screen
 * slow. `IDBIndex.getAll(range)` returns the same records in the same (index) order in one request;
 * filtering, sorting, skip and limit are applied exactly as RxDB does. A query that RxDB can stop early on
 * (index order is the sort order and a limit is set, with no extra filter) reads only `skip + limit` rows.
 */
export function getFastDexieStorage(): RxStorage<any, any> {
  const base = getRxStorageDexie();
  return {
    ...base,
    async createStorageInstance(params: any) {
      const instance: any = await base.createStorageInstance(params);
      instance.query = (preparedQuery: any) => fastDexieQuery(instance, preparedQuery);
      return instance;
    },
  } as RxStorage<any, any>;
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
    const raw: any[] = await new Promise((resolve, reject) => {
      const req: IDBRequest<any[]> = index.getAll(keyRange, count);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const value of raw) {
      const doc = fromDexieToStorage(state.booleanIndexes, value);
      if (!matcher || matcher(doc)) rows.push(doc);
    }
  });
  if (!queryPlan.sortSatisfiedByIndex) rows = rows.sort(getSortComparator(instance.schema, query));
  return { documents: rows.slice(skip, skipPlusLimit) };
}
