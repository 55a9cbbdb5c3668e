/**
 * A collection's or the database's change events, read from RxDB's event bulks.
 *
 * Not `collection.$` / `database.$`: in RxDB 17.6 those turn each bulk into events through a module-level cache
 * (`EVENT_BULK_CACHE` in rx-change-event.js) that is a `Map`, never emptied, so a subscriber makes the page keep every
 * document written while it listens (measured: 336 MB of JS heap instead of 50–74 MB after ten years were loaded
 * with one subscriber; docs/performance.md). `eventBulks$` is the stream RxDB itself reads ("Internally only use
 * eventBulks$", rx-collection.d.ts); the events here are those of the storage, passed on as they are.
 */
import { filter, mergeMap, type Observable } from 'rxjs';
import type { RxChangeEventBulk, RxCollection, RxStorageChangeEvent } from 'rxdb';

/** The changes of one collection's documents (not its local documents). */
export function collectionChanges<T>(collection: RxCollection<T>): Observable<RxStorageChangeEvent<T>> {
  return collection.eventBulks$.pipe(
    filter((bulk) => !bulk.isLocal),
    mergeMap((bulk) => bulk.events as RxStorageChangeEvent<T>[]),
  );
}

/** A change of any collection's document, with the collection's name. */
export type DatabaseChange = RxStorageChangeEvent<unknown> & { collectionName: string };

/** The changes of every collection's documents (not local documents). */
export function databaseChanges(db: { eventBulks$: Observable<RxChangeEventBulk<unknown>> }): Observable<DatabaseChange> {
  return db.eventBulks$.pipe(
    filter((bulk) => !bulk.isLocal),
    mergeMap((bulk) => bulk.events.map((event) => ({ ...(event as RxStorageChangeEvent<unknown>), collectionName: bulk.collectionName ?? '' }))),
  );
}
