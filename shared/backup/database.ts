/**
 * Backup and restore against a desk database. Like shared/sync, this module talks to RxDB;
 * the rules (format, checks, rotation) stay pure in format.ts and rotation.ts.
 */
import type { DeskDatabase } from '../db/database';
import { COLLECTION_NAMES, type CollectionName, type IsoInstant } from '../db/types';
import { buildBackup, type BackupCollections, type BackupError, type BackupFile, type BackupCounts } from './format';

/** Every document of every collection, as plain JSON without RxDB's meta fields, sorted by id. */
export async function dumpDatabase(db: DeskDatabase): Promise<BackupCollections> {
  const out: BackupCollections = {};
  for (const c of COLLECTION_NAMES) {
    const docs = await db[c].find().exec();
    out[c] = docs
      .map((d) => d.toJSON(false) as unknown as Record<string, unknown>)
      .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  }
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
