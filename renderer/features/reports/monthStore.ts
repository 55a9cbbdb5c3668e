/**
 * Where a desk keeps its report months between runs (visitMonths.ts `keepMonthsOnDisk`): a small IndexedDB
 * database of its own beside the desk's: per whole month a stamp (its document count, the time of its read, the
 * counting's format) and its part, in two tables, for the visits and for the loans. Local to this desk, never synced:
 * what it holds is a summary of the desk's own visits and loans, used only after the check in visitMonths.ts says it
 * still holds.
 */
import Dexie, { type Table } from 'dexie';
import type { DeskDatabase } from '@shared/db';
import type { LoanPart, VisitPart } from '@shared/reports';
import { keepMonthsOnDisk, LOAN_MONTHS, VISIT_MONTHS, type MonthStamp, type MonthStore } from './visitMonths';

function openMonths(name: string): Dexie {
  const db = new Dexie(name);
  // a month's stamp and its part apart: the check reads the small stamps, and only the parts it can use
  db.version(1).stores({ stamps: 'start', parts: 'start' });
  // the loans' months beside the visits' (version 1's tables stay as they are)
  db.version(2).stores({ stamps: 'start', parts: 'start', loanStamps: 'start', loanParts: 'start' });
  return db;
}

function tablesStore<P>(db: Dexie, stampsName: string, partsName: string): MonthStore<P> {
  const stamps = db.table(stampsName) as Table<MonthStamp, string>;
  const parts = db.table(partsName) as Table<{ start: string; part: P }, string>;
  return {
    stamps: () => stamps.toArray(),
    parts: async (starts) => (await parts.bulkGet([...starts])).map((p) => p?.part),
    write: (clear, remove, put) =>
      db.transaction('rw', stamps, parts, async () => {
        if (clear) await Promise.all([stamps.clear(), parts.clear()]);
        if (remove.length) await Promise.all([stamps.bulkDelete([...remove]), parts.bulkDelete([...remove])]);
        if (put.length) {
          await stamps.bulkPut(put.map(({ part: _part, ...stamp }) => stamp));
          await parts.bulkPut(put.map(({ start, part }) => ({ start, part })));
        }
      }),
  };
}

/** The desk's database `db` keeps its report months (visits and loans) in the IndexedDB database `name`. */
export function keepReportMonths(db: DeskDatabase, name: string): void {
  const months = openMonths(name);
  keepMonthsOnDisk(db, tablesStore<VisitPart>(months, 'stamps', 'parts'), VISIT_MONTHS);
  keepMonthsOnDisk(db, tablesStore<LoanPart>(months, 'loanStamps', 'loanParts'), LOAN_MONTHS);
}
