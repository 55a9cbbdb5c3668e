/**
 * Backup and restore against a desk database. Like shared/sync, this module talks to RxDB;
 * the rules (format, checks, rotation) stay pure in format.ts and rotation.ts.
 */
import type { MangoQuery, RxCollection } from 'rxdb';
import type { DeskDatabase } from '../db/database';
import { databaseChanges } from '../db/changes';
import { COLLECTION_NAMES, type CollectionName, type IsoInstant } from '../db/types';
import { monthKey, nextMonthStart } from '../reports/visitParts';
import { buildBackup, MONTH_FIELDS, type BackupCollections, type BackupError, type BackupFile, type BackupCounts, type BackupPiece, type KeptMonth } from './format';

/**
 * Every document of every collection, as plain JSON without RxDB's meta fields, in the file's order (BackupPiece): the
 * database as it was when the read began (readDatabasePieces).
 */
export async function dumpDatabase(db: DeskDatabase): Promise<BackupCollections> {
  const out: BackupCollections = {};
  for await (const piece of readDatabasePieces(db)) {
    if (!('docs' in piece)) throw new Error('backup: a kept month without kept months asked for');
    out[piece.collection] = (out[piece.collection] ?? []).concat(piece.docs);
  }
  return out;
}

/** A stored document as a backup holds it: without RxDB's own fields. */
function plainDoc(data: Record<string, unknown>): Record<string, unknown> {
  const { _rev, _attachments, _deleted, _meta, ...doc } = data;
  return doc;
}

/** The state of a document when the read began: its data, absent (null), or not known (the read's copy stands). */
type Before = Record<string, unknown> | null | 'read';

/**
 * Where a desk keeps the text of each closed month of its visits and loans from its backups (renderer:
 * backupMonths.ts), so that a backup writes them again instead of reading them.
 */
export interface BackupMonths {
  /**
   * The kept months of `collection` that provably hold now: not one of their documents changed, came or went since
   * their text was made. Asked after the read began (`startedAt`); any doubt leaves a month out (it is read).
   */
  proven(collection: CollectionName, startedAt: number): Promise<KeptMonth[]>;
  /** Whether every one of `months` (proven before) still holds now. */
  stillHold(collection: CollectionName, months: readonly KeptMonth[]): Promise<boolean>;
}

/**
 * Every document of every collection (plain), as pieces in the file's order (BackupPiece: a piece per collection in
 * id order, the visits and the loans a piece per month), each read with a query (RxDB may answer it from its cache);
 * the next collection is being read while the caller works on this one (the backup makes its text).
 *
 * The desk keeps working while it reads (the counter lends, sync pulls), so the pieces are made to be the database
 * as it was when the read began, one instant for every collection (a loan and the person it names, a series and its
 * bookings): the database's change events are followed from the start, and a document written after it is given as
 * it was then (its `previousDocumentData`), one inserted after it is left out and one removed after it is put back.
 * This desk's writes are seen this way in full (their events are emitted as the write's transaction ends, before a
 * later read returns); a change whose event carries no earlier state (another tab's, passed on by RxDB) gives the
 * document as read, still exactly once.
 *
 * With `months` (the desk's kept month texts), a closed month of visits or loans that provably holds is given as its
 * kept text (`kept`) and not read: only the months around it are (readMonthPieces).
 */
export async function* readDatabasePieces(db: DeskDatabase, options: { months?: BackupMonths | null } = {}): AsyncGenerator<BackupPiece> {
  const startedAt = Date.now();
  const before = new Map<string, Map<string, Before>>(COLLECTION_NAMES.map((c) => [c, new Map()]));
  const changes = databaseChanges(db).subscribe((event) => {
    const seen = before.get(event.collectionName);
    if (!seen || seen.has(event.documentId)) return;
    const previous = event.previousDocumentData as Record<string, unknown> | null | undefined;
    if (event.operation === 'INSERT' || previous?._deleted === true) seen.set(event.documentId, null);
    else seen.set(event.documentId, previous ? plainDoc(previous) : 'read');
  });
  // the kept months are asked for at once (a few counts on indexes), so that their texts are ready when their turn comes
  const months = options.months;
  const proven = new Map(
    COLLECTION_NAMES.filter((c) => MONTH_FIELDS[c] && months).map((c) => [
      c,
      months!.proven(c, startedAt).catch((e: unknown) => {
        console.warn('backup: the kept months could not be checked; every month is read', e);
        return [];
      }),
    ]),
  );
  const read = async (c: CollectionName): Promise<BackupPiece[]> => {
    const field = MONTH_FIELDS[c];
    if (field) return readMonthPieces(db, c, field, before.get(c)!, startedAt, months ? { months, proven: await proven.get(c)! } : null);
    return [{ collection: c, docs: asAtStart(await readRange(db, c), before.get(c)!).sort(byId) }];
  };
  let next: Promise<BackupPiece[]> | null = read(COLLECTION_NAMES[0]);
  try {
    for (let at = 0; next; at++) {
      const pieces: BackupPiece[] = await next;
      next = at + 1 < COLLECTION_NAMES.length ? read(COLLECTION_NAMES[at + 1]!) : null;
      yield* pieces;
    }
  } finally {
    changes.unsubscribe();
    next?.catch(() => undefined); // a caller that stopped early (its worker failed) leaves a read going
  }
}

/** A stretch of month times: from `start` (none: from the first) to before `end` (none: to the last). */
interface Stretch {
  start?: string;
  end?: string;
}

/** The collection's documents (plain) whose `field` is in `range` (none: every document). */
async function readRange(db: DeskDatabase, c: CollectionName, field?: string, range: Stretch = {}): Promise<Record<string, unknown>[]> {
  const bounds = { ...(range.start !== undefined ? { $gte: range.start } : {}), ...(range.end !== undefined ? { $lt: range.end } : {}) };
  const query = field && (range.start !== undefined || range.end !== undefined) ? { selector: { [field]: bounds }, sort: [{ [field]: 'asc' }] } : {};
  const docs = await (db[c] as unknown as RxCollection<Record<string, unknown>>).find(query as MangoQuery<Record<string, unknown>>).exec();
  return docs.map((d) => d.toJSON(false) as Record<string, unknown>);
}

const within = (t: unknown, range: Stretch) => typeof t === 'string' && (range.start === undefined || t >= range.start) && (range.end === undefined || t < range.end);

/**
 * A collection of documents by month (MONTH_FIELDS), as pieces in order of month: each month's documents (by time,
 * then id), or the month's kept text where `known` (the kept months proven as the read began) has it. Only the
 * stretches between kept months are read, each with its own query; a kept month is used only if it still holds when
 * they have been read, and while every change seen came with its earlier state (else the whole collection is read,
 * as without kept months): so no document moved in or out of a kept month during the read, and each is in the file
 * once.
 */
async function readMonthPieces(
  db: DeskDatabase,
  c: CollectionName,
  field: string,
  before: Map<string, Before>,
  startedAt: number,
  known: { months: BackupMonths; proven: KeptMonth[] } | null,
): Promise<BackupPiece[]> {
  const kept = [...(known?.proven ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1));
  const stretches: Stretch[] = [];
  let from: string | undefined;
  for (const k of kept) {
    if (from === undefined || from < k.start) stretches.push({ ...(from !== undefined ? { start: from } : {}), end: k.start });
    from = k.end;
  }
  stretches.push(from !== undefined ? { start: from } : {});
  const reads = await Promise.all(stretches.map((range) => readRange(db, c, field, range)));
  let docs: Record<string, unknown>[];
  const unknownChange = [...before.values()].includes('read');
  if (kept.length > 0 && (unknownChange || !(await known!.months.stillHold(c, kept).catch(() => false)))) {
    kept.length = 0;
    docs = asAtStart(await readRange(db, c), before);
  } else {
    const ids = new Set<string>();
    docs = [];
    stretches.forEach((range, i) => {
      for (const doc of asAtStart(reads[i]!, before, (d) => within(d[field], range))) {
        // once, even if a change made elsewhere (no earlier state) moved it from one stretch to another between their reads
        if (ids.has(String(doc.id))) continue;
        ids.add(String(doc.id));
        docs.push(doc);
      }
    });
  }
  docs.sort((a, b) => (a[field] === b[field] ? byId(a, b) : String(a[field]) < String(b[field]) ? -1 : 1));
  const pieces: BackupPiece[] = [];
  let k = 0;
  for (let i = 0; i < docs.length; ) {
    const start = monthKey(String(docs[i]![field]));
    let j = i;
    while (j < docs.length && monthKey(String(docs[j]![field])) === start) j++;
    while (k < kept.length && kept[k]!.start <= start) pieces.push({ collection: c, kept: kept[k++]! });
    const month = docs.slice(i, j);
    const range = { start, end: nextMonthStart(start) };
    // a whole month's only if each of its documents is in it as the database counts (a time that does not read is not)
    const whole = month.every((d) => within(d[field], range)) && !pieces.some((p) => 'kept' in p && p.kept.start === start);
    pieces.push({ collection: c, docs: month, ...(whole ? { month: { ...range, readFrom: startedAt } } : {}) });
    i = j;
  }
  while (k < kept.length) pieces.push({ collection: c, kept: kept[k++]! });
  return pieces.length > 0 ? pieces : [{ collection: c, docs: [] }];
}

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.id) < String(b.id) ? -1 : 1);

/**
 * The documents of a collection as they were when the read began, given those read now (plain); with `inRange`, only
 * those that were in the range read (a document moved into it since is left out, one moved out of it put back).
 */
function asAtStart(rows: Record<string, unknown>[], before: Map<string, Before>, inRange: (doc: Record<string, unknown>) => boolean = () => true): Record<string, unknown>[] {
  if (before.size === 0) return rows;
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const was = before.get(String(row.id));
    if (was === undefined || was === 'read') out.push(row);
    else if (was && inRange(was)) out.push(was);
  }
  const read = new Set(rows.map((row) => String(row.id)));
  for (const [id, was] of before) if (was && was !== 'read' && !read.has(id) && inRange(was)) out.push(was);
  return out;
}

export async function createBackupFile(db: DeskDatabase, meta: { appVersion: string; createdAt: IsoInstant }): Promise<BackupFile> {
  return buildBackup(await dumpDatabase(db), meta);
}

/** Documents per collection now in the database (a restore needs all zero). */
export async function countDocuments(db: DeskDatabase): Promise<BackupCounts> {
  const entries = await Promise.all(COLLECTION_NAMES.map(async (c) => [c, await db[c].count().exec()] as const));
  return Object.fromEntries(entries) as BackupCounts;
}

export interface RestoreOptions {
  /** Documents per bulk write. */
  chunkSize?: number;
  onProgress?: (written: number, total: number) => void;
}

/**
 * Restores a parsed, validated backup (see parseBackup) into an EMPTY database, all or nothing:
 * if any write fails, every document written so far is removed again and the database is empty as before.
 */
export async function restoreIntoEmpty(
  db: DeskDatabase,
  backup: BackupFile,
  options: RestoreOptions = {},
): Promise<{ ok: true; restored: number } | BackupError> {
  const before = await countDocuments(db);
  const notEmpty = COLLECTION_NAMES.find((c) => before[c] > 0);
  if (notEmpty) return { ok: false, code: 'notEmpty', detail: { collection: notEmpty, count: before[notEmpty] } };

  const chunkSize = options.chunkSize ?? 500;
  const total = COLLECTION_NAMES.reduce((n, c) => n + (backup.collections[c]?.length ?? 0), 0);
  const written: Partial<Record<CollectionName, string[]>> = {};
  let done = 0;
  let current = '';
  try {
    for (const c of COLLECTION_NAMES) {
      current = c;
      const docs = backup.collections[c] ?? [];
      const ids: string[] = (written[c] = []);
      for (let i = 0; i < docs.length; i += chunkSize) {
        const chunk = docs.slice(i, i + chunkSize);
        for (const d of chunk) ids.push(String(d.id)); // before the write: a failing chunk may write part of itself
        const result = await db[c].bulkInsert(chunk as never[]);
        if (result.error.length > 0) {
          const e = result.error[0]!;
          throw Object.assign(new Error('bulkInsert failed'), { id: String(e.documentId ?? '') });
        }
        done += chunk.length;
        options.onProgress?.(done, total);
      }
    }
  } catch (error) {
    await rollback(db, written);
    const e = error as { id?: string; message?: string };
    return { ok: false, code: 'writeFailed', detail: { collection: current, id: e.id ?? '', error: String(e.message ?? error) } };
  }
  return { ok: true, restored: done };
}

async function rollback(db: DeskDatabase, written: Partial<Record<CollectionName, string[]>>): Promise<void> {
  for (const c of COLLECTION_NAMES) {
    const ids = written[c];
    if (!ids?.length) continue;
    const present = await db[c].findByIds(ids).exec();
    if (present.size) await db[c].bulkRemove([...present.keys()]);
  }
}
