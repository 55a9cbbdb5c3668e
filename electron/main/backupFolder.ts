/**
 * Automatic backups on disk (main process, plain Node: no Electron import, tested on real temp folders).
 * Only files named like automatic backups are ever listed, written or deleted, and only directly
 * inside the chosen folder. A backup is written to a temp file in the same folder, flushed and renamed
 * over its final name, so a crash or a full disk never leaves half a backup under a backup's name.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AUTO_BACKUP_NAME } from '@shared/backup/rotation';
import type { BackupFolderFailure, BackupListResult, BackupWriteRequest, BackupWriteResult } from '@shared/ipc/contract';

export class BackupPathError extends Error {
  constructor(readonly fileName: string) {
    super(`not an automatic backup inside the folder: ${JSON.stringify(fileName)}`);
    this.name = 'BackupPathError';
  }
}

/**
 * The absolute path of an automatic backup inside `folder`. Throws for anything else (another
 * file name, a separator, "..", an absolute path) — main checks the payload first; this is the
 * second lock on the door.
 */
export function resolveBackupPath(folder: string, fileName: string): string {
  if (!AUTO_BACKUP_NAME.test(fileName)) throw new BackupPathError(fileName);
  const root = path.resolve(folder);
  const full = path.resolve(root, fileName);
  if (path.dirname(full) !== root || path.basename(full) !== fileName) throw new BackupPathError(fileName);
  return full;
}

const errorCode = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'unknown';

/** A folder that is not there (or not a folder) is reported as missing; other errors by their OS code. */
async function checkFolder(folder: string | null): Promise<BackupFolderFailure | null> {
  if (folder === null) return { ok: false, reason: 'no-folder' };
  try {
    if ((await stat(folder)).isDirectory()) return null;
    return { ok: false, reason: 'folder-missing', path: folder };
  } catch (e) {
    const code = errorCode(e);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, reason: 'folder-missing', path: folder } : { ok: false, reason: 'failed', code };
  }
}

/** Names of the automatic backups (regular files) directly in the folder, oldest first. */
export async function listAutoBackups(folder: string | null): Promise<BackupListResult> {
  const bad = await checkFolder(folder);
  if (bad || folder === null) return bad ?? { ok: false, reason: 'no-folder' };
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    const names = entries.filter((e) => e.isFile() && AUTO_BACKUP_NAME.test(e.name)).map((e) => e.name);
    return { ok: true, names: names.sort() };
  } catch (e) {
    return { ok: false, reason: 'failed', code: errorCode(e) };
  }
}

/** Write `data` to `target` through a temp file in the same folder, flushed to disk, then renamed. */
async function writeAtomically(target: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined); // the temp file may never have been created
    throw e;
  }
}

/**
 * Write one automatic backup, then delete the listed older ones. Nothing is deleted unless the new
 * file is safely in place. Deletions that fail (or name files already gone) are reported, not thrown.
 */
export async function writeAndRotate(folder: string | null, request: BackupWriteRequest): Promise<BackupWriteResult> {
  const bad = await checkFolder(folder);
  if (bad || folder === null) return bad ?? { ok: false, reason: 'no-folder' };
  const target = resolveBackupPath(folder, request.name);
  const victims = request.deleteNames.map((n) => ({ name: n, path: resolveBackupPath(folder, n) }));
  if (victims.some((v) => v.path === target)) throw new BackupPathError(request.name);
  try {
    await writeAtomically(target, request.data);
  } catch (e) {
    return { ok: false, reason: 'failed', code: errorCode(e) };
  }
  const deleted: string[] = [];
  const notDeleted: string[] = [];
  for (const v of victims) {
    try {
      await unlink(v.path);
      deleted.push(v.name);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') continue; // already gone (deleted by hand or by another desk)
      notDeleted.push(v.name);
    }
  }
  return { ok: true, path: target, deleted, notDeleted };
}
