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
import { keepBackupMonths, type BackupMonthStamp, type BackupMonthStore } from './backupMonths';
import { keepMonthsOnDisk, LOAN_MONTHS, VISIT_MONTHS, type MonthStamp, type MonthStore } from './visitMonths';

function openMonths(name: string): Dexie {
  const db = new Dexie(name);
  // a month's stamp and its part apart: the check reads the small stamps, and only the parts it can use
  db.version(1).stores({ stamps: 'start', parts: 'start' });
  // the loans' months beside the visits' (version 1's tables stay as they are)
  db.version(2).stores({ stamps: 'start', parts: 'start', loanStamps: 'start', loanParts: 'start' });
  // the backup's kept months (backupMonths.ts): stamps apart from the gzip texts, by `${collection}|${start}`
  db.version(3).stores({ stamps: 'start', parts: 'start', loanStamps: 'start', loanParts: 'start', backupStamps: 'key', backupTexts: 'key' });
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

/** The backup's kept months in the tables of `db`. */
function backupStore(db: Dexie): BackupMonthStore {
  const stamps = db.table('backupStamps') as Table<BackupMonthStamp, string>;
  const texts = db.table('backupTexts') as Table<{ key: string; gz: Uint8Array<ArrayBuffer> }, string>;
  return {
    stamps: () => stamps.toArray(),
    texts: async (keys) => (await texts.bulkGet([...keys])).map((t) => t?.gz),
    write: (remove, put) =>
      db.transaction('rw', stamps, texts, async () => {
        if (remove.length) await Promise.all([stamps.bulkDelete([...remove]), texts.bulkDelete([...remove])]);
        const alone = put.filter((p) => !p.gz);
        const present = alone.length ? new Set((await stamps.bulkGet(alone.map((p) => p.stamp.key))).filter((s) => s).map((s) => s!.key)) : new Set<string>();
        const written = put.filter((p) => p.gz || present.has(p.stamp.key));
        if (written.length) await stamps.bulkPut(written.map((p) => p.stamp));
        const withText = put.filter((p) => p.gz);
        if (withText.length) await texts.bulkPut(withText.map((p) => ({ key: p.stamp.key, gz: p.gz! })));
      }),
  };
}

/**
 * The desk's database `db` keeps its report months (visits and loans), and its backups their closed months' texts,
 * in the IndexedDB database `name`.
 */
export function keepReportMonths(db: DeskDatabase, name: string): void {
  const months = openMonths(name);
  keepMonthsOnDisk(db, tablesStore<VisitPart>(months, 'stamps', 'parts'), VISIT_MONTHS);
  keepMonthsOnDisk(db, tablesStore<LoanPart>(months, 'loanStamps', 'loanParts'), LOAN_MONTHS);
  keepBackupMonths(db, backupStore(months));
}
