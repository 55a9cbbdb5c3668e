/**
 * Backup and restore against a desk database. Like shared/sync, this module talks to RxDB;
 * the rules (format, checks, rotation) stay pure in format.ts and rotation.ts.
 */
import type { DeskDatabase } from '../db/database';
import { databaseChanges } from '../db/changes';
import { COLLECTION_NAMES, type CollectionName, type IsoInstant } from '../db/types';
import { buildBackup, type BackupCollections, type BackupError, type BackupFile, type BackupCounts, type BackupPiece } from './format';

/**
 * Every document of every collection, as plain JSON without RxDB's meta fields, sorted by id: the database as it was
 * when the read began (readDatabasePieces).
 */
export async function dumpDatabase(db: DeskDatabase): Promise<BackupCollections> {
  const out: BackupCollections = {};
  for await (const { collection, docs } of readDatabasePieces(db)) out[collection] = docs;
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
 * Every document of every collection, one piece per collection (COLLECTION_NAMES order; plain, sorted by id), each
 * read with the collection's query (RxDB may answer it from its cache); the next collection is being read while
 * the caller works on this one (the backup makes its text).
 *
 * The desk keeps working while it reads (the counter lends, sync pulls), so the pieces are made to be the database
 * as it was when the read began, one instant for every collection (a loan and the person it names, a series and its
 * bookings): the database's change events are followed from the start, and a document written after it is given as
 * it was then (its `previousDocumentData`), one inserted after it is left out and one removed after it is put back.
 * This desk's writes are seen this way in full (their events are emitted as the write's transaction ends, before a
 * later read returns); a change whose event carries no earlier state (another tab's, passed on by RxDB) gives the
 * document as read, still exactly once (a query returns each id once).
 */
export async function* readDatabasePieces(db: DeskDatabase): AsyncGenerator<BackupPiece> {
  const before = new Map<string, Map<string, Before>>(COLLECTION_NAMES.map((c) => [c, new Map()]));
  const changes = databaseChanges(db).subscribe((event) => {
    const seen = before.get(event.collectionName);
    if (!seen || seen.has(event.documentId)) return;
    const previous = event.previousDocumentData as Record<string, unknown> | null | undefined;
    if (event.operation === 'INSERT' || previous?._deleted === true) seen.set(event.documentId, null);
    else seen.set(event.documentId, previous ? plainDoc(previous) : 'read');
  });
  const read = async (c: CollectionName) => (await db[c].find().exec()).map((d) => d.toJSON(false) as unknown as Record<string, unknown>);
  let next: Promise<Record<string, unknown>[]> | null = read(COLLECTION_NAMES[0]);
  try {
    for (let at = 0; next; at++) {
      const rows: Record<string, unknown>[] = await next;
      next = at + 1 < COLLECTION_NAMES.length ? read(COLLECTION_NAMES[at + 1]!) : null;
      yield { collection: COLLECTION_NAMES[at]!, docs: asAtStart(rows, before.get(COLLECTION_NAMES[at]!)!).sort(byId) };
    }
  } finally {
    changes.unsubscribe();
    next?.catch(() => undefined); // a caller that stopped early (its worker failed) leaves a read going
  }
}

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.id) < String(b.id) ? -1 : 1);

/** The documents of a collection as they were when the read began, given those read now (plain). */
function asAtStart(rows: Record<string, unknown>[], before: Map<string, Before>): Record<string, unknown>[] {
  if (before.size === 0) return rows;
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const was = before.get(String(row.id));
    if (was === undefined || was === 'read') out.push(row);
    else if (was) out.push(was);
  }
  const read = new Set(rows.map((row) => String(row.id)));
  for (const [id, was] of before) if (was && was !== 'read' && !read.has(id)) out.push(was);
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
