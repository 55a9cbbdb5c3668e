/**
 * Where a desk keeps its report months between runs (visitMonths.ts `keepMonthsOnDisk`): a small IndexedDB
 * database of its own beside the desk's, one record per whole month. Local to this desk, never synced: what it
 * holds is a summary of the desk's own visits, used only after the check in visitMonths.ts says it still holds.
 */
import Dexie, { type Table } from 'dexie';
import type { DeskDatabase } from '@shared/db';
import { keepMonthsOnDisk, type MonthStore, type StoredMonth } from './visitMonths';

export function indexedDbMonthStore(name: string): MonthStore {
  const db = new Dexie(name);
  db.version(1).stores({ months: 'start' });
  const months = db.table('months') as Table<StoredMonth, string>;
  return {
    get: (starts) => months.bulkGet([...starts]),
    write: (clear, remove, put) =>
      db.transaction('rw', months, async () => {
        if (clear) await months.clear();
        if (remove.length) await months.bulkDelete([...remove]);
        if (put.length) await months.bulkPut([...put]);
      }),
  };
}

/** The desk's database `db` keeps its report months in the IndexedDB database `name`. */
export function keepReportMonths(db: DeskDatabase, name: string): void {
  keepMonthsOnDisk(db, indexedDbMonthStore(name));
}
