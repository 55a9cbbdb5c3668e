/**
 * renderer/app/fastDexie.ts replaces two methods of RxDB's Dexie storage and reads RxDB and Dexie internals
 * (categorizeBulkWriteRows, getDocsInDb, Dexie's `_options`, `idbtrans`). It was written and tested against this
 * RxDB version; another version may change those internals without a type error. The desk checks at start-up and
 * refuses to open the database with fastDexie on another version: raise the exact pin in package.json only
 * together with a review of fastDexie.ts and a green fastDexie.test.ts, then change this constant.
 */
import { RXDB_VERSION } from 'rxdb';

export const FAST_DEXIE_WRITTEN_FOR_RXDB = '17.6.0';

/** Throws when the installed RxDB is not the one fastDexie was written for. */
export function assertFastDexieRxdbVersion(installed: string = RXDB_VERSION): void {
  if (installed !== FAST_DEXIE_WRITTEN_FOR_RXDB)
    throw new Error(
      `fastDexie was written for RxDB ${FAST_DEXIE_WRITTEN_FOR_RXDB} but RxDB ${installed} is installed: review renderer/app/fastDexie.ts against the new RxDB, run its tests, then update renderer/app/rxdbVersion.ts`,
    );
}
