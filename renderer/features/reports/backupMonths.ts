/**
 * The backup's kept months (issue 20): the text of each closed month of the visits and of the loans, as the last
 * backup wrote it, kept gzipped in a small store on disk (monthStore.ts) so that the next backup writes it again as
 * it is instead of reading that month from the database. A year is ~60,000 visits; the backup of a desk that keeps
 * its months reads only the running month of them.
 *
 * A kept month is used only when it provably holds, as the report months are (visitMonths.ts `holdingStamps`): no
 * document written since shortly before the backup that made its text now has its time in the month, and the month
 * holds as many documents as the text. readDatabasePieces asks once more after it has read the months around it.
 * A change this desk sees (its own writes, a pull, another tab's, retention, an erasure) also takes the month out of
 * the store at once: so the store never keeps a person's name or phone longer than the database does, up to the
 * next write (docs/privacy.md).
 */
import type { RxCollection } from 'rxdb';
import { collectionChanges, type DeskDatabase } from '@shared/db';
import { readDatabasePieces, type BackupMonths, type KeptMonth } from '@shared/backup';
import type { IsoInstant } from '@shared/db/types';
import { localNow } from '@shared/time';
import { monthKey, nextMonthStart } from '@shared/reports';
import { holdingStamps, SINCE_MARGIN_MS, type MonthStamp } from './visitMonths';
import { gzipBackupFile, type GzipWorker, type MonthText } from './backupGzip';

/** The collections whose months a backup keeps, and the field a document's month is of (as MONTH_FIELDS). */
const KINDS = { visits: { collection: 'visits', field: 'timeIn' }, loans: { collection: 'loans', field: 'outAt' } } as const;
type KeptCollection = keyof typeof KINDS;
const isKept = (c: string): c is KeptCollection => c in KINDS;

/** Bump when a kept text would be written otherwise (BackupTextWriter's layout): older texts are not used. */
const TEXT_FORMAT = 1;

/** One kept month: its stamp (small, read first) and, apart, its text. */
export interface BackupMonthStamp extends MonthStamp {
  /** `${collection}|${start}`. */
  key: string;
  collection: KeptCollection;
}

/** Where the kept months are (monthStore.ts: IndexedDB beside the desk's database). */
export interface BackupMonthStore {
  stamps(): Promise<BackupMonthStamp[]>;
  /** Months' gzip texts, in one read. */
  texts(keys: readonly string[]): Promise<(Uint8Array<ArrayBuffer> | undefined)[]>;
  /**
   * In one transaction: `remove` out, then `put` in: a stamp with its text, or a stamp alone, which is written only
   * over a month still kept (a month taken out meanwhile stays out).
   */
  write(remove: readonly string[], put: readonly { stamp: BackupMonthStamp; gz?: Uint8Array<ArrayBuffer> }[]): Promise<void>;
}

/** The kept months of a desk's database, for its backups. */
export interface KeptBackupMonths extends BackupMonths {
  /** Whether a whole month's text made now is to be kept: a closed month of the visits or the loans. */
  keeps(collection: string, month: { start: string; end: string }): boolean;
  /** Keeps the texts a backup made (after the file is written). */
  keep(texts: readonly MonthText[]): Promise<void>;
  /** The store's writes so far, done (for tests). */
  settled(): Promise<void>;
}

const keptOf = new WeakMap<DeskDatabase, KeptBackupMonths>();

/** The backup's kept months of `db` (null where none are kept: tests, a desk without the store). */
export const backupMonthsOf = (db: DeskDatabase): KeptBackupMonths | null => keptOf.get(db) ?? null;

const keyOf = (collection: string, start: string) => `${collection}|${start}`;

async function gunzip(gz: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/**
 * `db`'s backups keep their closed months in `store` from now on. Call it when the database opens: its change streams
 * must be heard from the start, for the store to lose a month as soon as one of its documents changes.
 */
export function keepBackupMonths(db: DeskDatabase, store: BackupMonthStore): KeptBackupMonths {
  let queue = Promise.resolve();
  const run = (write: () => Promise<void>) => {
    queue = queue.then(write).catch((e: unknown) => console.warn('backup: the kept months could not be written', e));
    return queue;
  };
  /** When a change last took each month out (by key; by collection for "every month"): a text read before is not kept. */
  const dropped = new Map<string, number>();
  let toDrop: Map<string, number> | null = null;
  const drop = (keys: string[]) => {
    const now = Date.now();
    for (const key of keys) dropped.set(key, now);
    if (!toDrop) {
      const keysNow = (toDrop = new Map());
      // a pull writes thousands: their months go out together; a month kept since (its text read after the change) stays
      setTimeout(() => {
        toDrop = null;
        void run(async () => {
          const gone = (await store.stamps()).filter((s) => {
            const at = Math.max(keysNow.get(s.key) ?? -Infinity, keysNow.get(s.collection) ?? -Infinity);
            return s.since + SINCE_MARGIN_MS <= at;
          });
          if (gone.length) await store.write(gone.map((s) => s.key), []);
        });
      }, 0);
    }
    for (const key of keys) toDrop.set(key, now);
  };
  for (const kind of Object.values(KINDS)) {
    collectionChanges(db[kind.collection] as unknown as RxCollection<Record<string, unknown>>).subscribe((event) => {
      const before = event.previousDocumentData as Record<string, unknown> | undefined;
      if (event.operation === 'UPDATE' && !before) return drop([kind.collection]);
      const times = [(event.documentData as Record<string, unknown> | undefined)?.[kind.field], before?.[kind.field]];
      drop(times.filter((t): t is string => typeof t === 'string').map((t) => keyOf(kind.collection, monthKey(t))));
    });
  }
  const droppedSince = (key: string, collection: string, at: number) => (dropped.get(key) ?? 0) >= at || (dropped.get(collection) ?? 0) >= at;
  const format = (c: KeptCollection) => TEXT_FORMAT * 1000 + db[c].schema.version;
  /** The first of the running month (LocalDateTime): months that end by then are closed. */
  const runningMonth = (at = Date.now()) => monthKey(localNow(at));
  /** The stamp each month handed out by `proven` was proven by. */
  const provenBy = new WeakMap<KeptMonth, BackupMonthStamp>();

  const kept: KeptBackupMonths = {
    async proven(collection, startedAt) {
      if (!isKept(collection)) return [];
      const now = Date.now();
      const running = runningMonth(startedAt);
      const all = (await store.stamps()).filter((s) => s.collection === collection);
      // made by this version, closed, and not "later" than the clock now (a clock set back: nothing is trusted)
      const usable = all.filter((s) => s.format === format(collection) && nextMonthStart(s.start) <= running && s.since + SINCE_MARGIN_MS <= now);
      const holding = new Set(await holdingStamps(db, KINDS[collection], usable));
      // the rest go; those that hold are stamped again as of this read, not to look through ever more changes
      const restamp = [...holding].filter((s) => s.since < startedAt - SINCE_MARGIN_MS - 3_600_000).map((s) => ({ stamp: { ...s, since: startedAt - SINCE_MARGIN_MS } }));
      const remove = all.filter((s) => !holding.has(s)).map((s) => s.key);
      if (remove.length || restamp.length) void run(() => store.write(remove, restamp));
      // their texts in one read, each decompressed when the one before it is asked for (at most two held at once)
      const list = [...holding].sort((a, b) => (a.start < b.start ? -1 : 1));
      const gz = list.length ? store.texts(list.map((s) => s.key)) : Promise.resolve([]);
      const plain: (Promise<Uint8Array<ArrayBuffer>> | undefined)[] = [];
      const textOf = (i: number) =>
        (plain[i] ??= gz.then((texts) => {
          const text = texts[i];
          if (!text) {
            // its stamp goes too, so that the next backup reads the month (this one fails and says so)
            void run(() => store.write([list[i]!.key], []));
            throw new Error(`backup: the kept text of ${list[i]!.key} is gone`);
          }
          return gunzip(text);
        }));
      if (list.length) textOf(0).catch(() => undefined);
      return list.map((s, i) => {
        const month: KeptMonth = {
          start: s.start,
          end: nextMonthStart(s.start),
          count: s.count,
          text: () => {
            if (i + 1 < list.length) textOf(i + 1).catch(() => undefined);
            const text = textOf(i);
            plain[i] = undefined; // given once: the page hands it on (transferred)
            return text;
          },
        };
        provenBy.set(month, s);
        return month;
      });
    },
    async stillHold(collection, months) {
      if (!isKept(collection)) return months.length === 0;
      const stamps = months.map((m) => provenBy.get(m));
      if (stamps.some((s) => !s)) return false;
      return (await holdingStamps(db, KINDS[collection], stamps as BackupMonthStamp[])).length === months.length;
    },
    keeps: (collection, month) => isKept(collection) && month.end <= runningMonth(),
    keep(texts) {
      const put = texts
        .filter((t) => isKept(t.collection) && !droppedSince(keyOf(t.collection, t.start), t.collection, t.readFrom))
        .map((t) => {
          const collection = t.collection as KeptCollection;
          const stamp: BackupMonthStamp = { key: keyOf(collection, t.start), collection, start: t.start, format: format(collection), count: t.count, since: t.readFrom - SINCE_MARGIN_MS };
          return { stamp, gz: t.gz };
        });
      return put.length ? run(() => store.write([], put)) : Promise.resolve();
    },
    settled: () => new Promise<void>((resolve) => setTimeout(resolve, 1)).then(() => queue),
  };
  keptOf.set(db, kept);
  return kept;
}

/**
 * The backup file of `db` (gzipBackupFile of readDatabasePieces), its closed months written from their kept texts
 * where they hold; the months it had to read are kept for the next backup once the file is made. Backups by hand and
 * automatic ones both come here.
 */
export async function gzipDeskBackup(db: DeskDatabase, meta: { appVersion: string; createdAt: IsoInstant }, worker: GzipWorker | null = null) {
  const kept = backupMonthsOf(db);
  const file = await gzipBackupFile(() => readDatabasePieces(db, { months: kept }), meta, worker, kept?.keeps);
  if (kept) void file.months.then((texts) => kept.keep(texts));
  return file;
}
