/** Automatic backups on disk, against real temp folders (node fs). */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupPathError, listAutoBackups, resolveBackupPath, writeAndRotate } from './backupFolder';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-autobackup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const auto = (day: number, hhmm = '0900') => `sosedi-desk-auto-2026-03-${String(day).padStart(2, '0')}-${hhmm}.json`;
const isRoot = process.getuid?.() === 0;
if (isRoot) console.log('backupFolder.test: the read-only folder case is skipped: running as root, which ignores permissions');

describe('listAutoBackups', () => {
  it('lists only automatic-backup files directly in the folder, sorted', async () => {
    const dir = tempDir();
    for (const n of [auto(20), auto(18), 'notes.txt', 'sosedi-desk-backup-2026-03-01-1200.json', `.${auto(21)}.abc.tmp`]) writeFileSync(path.join(dir, n), 'x');
    mkdirSync(path.join(dir, auto(19))); // a folder with a backup's name is not a backup
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', auto(17)), 'x');
    expect(await listAutoBackups(dir)).toEqual({ ok: true, names: [auto(18), auto(20)] });
  });

  it('says when no folder is chosen or it is gone', async () => {
    expect(await listAutoBackups(null)).toEqual({ ok: false, reason: 'no-folder' });
    const gone = path.join(tempDir(), 'unplugged');
    expect(await listAutoBackups(gone)).toEqual({ ok: false, reason: 'folder-missing', path: gone });
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    expect(await listAutoBackups(file)).toEqual({ ok: false, reason: 'folder-missing', path: file });
  });
});

describe('writeAndRotate', () => {
  it('writes the new backup with its exact text, then deletes only the listed older ones', async () => {
    const dir = tempDir();
    for (const n of [auto(17), auto(18), auto(19), 'notes.txt']) writeFileSync(path.join(dir, n), `old ${n}`);
    const data = '{"format":"sosedi-desk-backup","text":"Соседи"}\n';
    const r = await writeAndRotate(dir, { name: auto(20), data, deleteNames: [auto(17), auto(18)] });
    expect(r).toEqual({ ok: true, path: path.join(dir, auto(20)), deleted: [auto(17), auto(18)], notDeleted: [] });
    expect(readFileSync(path.join(dir, auto(20)), 'utf8')).toBe(data);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', auto(19), auto(20)]); // no temp file left
  });

  it('writes a gzip backup (bytes) exactly, beside and rotating out the plain-JSON ones of earlier versions', async () => {
    const dir = tempDir();
    const old = auto(19); // `.json`, as earlier versions named them
    writeFileSync(path.join(dir, old), 'old');
    const name = auto(20).replace(/\.json$/, '.json.gz');
    const data = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0x00, 0x0a]);
    const r = await writeAndRotate(dir, { name, data, deleteNames: [old] });
    expect(r).toEqual({ ok: true, path: path.join(dir, name), deleted: [old], notDeleted: [] });
    expect(new Uint8Array(readFileSync(path.join(dir, name)))).toEqual(data);
    expect(await listAutoBackups(dir)).toEqual({ ok: true, names: [name] });
  });

  it('replaces a file of the same name (backed up twice in one minute) and skips files already gone', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, auto(20)), 'first');
    const r = await writeAndRotate(dir, { name: auto(20), data: 'second', deleteNames: [auto(1)] });
    expect(r).toMatchObject({ ok: true, deleted: [], notDeleted: [] });
    expect(readFileSync(path.join(dir, auto(20)), 'utf8')).toBe('second');
  });

  it('replaces a symlink with the backup name without writing through it', async () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'precious.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, path.join(dir, auto(20)));
    symlinkSync(outside, path.join(dir, auto(19)));
    const r = await writeAndRotate(dir, { name: auto(20), data: 'backup', deleteNames: [auto(19)] });
    expect(r).toMatchObject({ ok: true, deleted: [auto(19)] });
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(readFileSync(path.join(dir, auto(20)), 'utf8')).toBe('backup');
  });

  it('reports what it could not delete and keeps going', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, auto(18))); // unlink of a folder fails
    writeFileSync(path.join(dir, auto(17)), 'old');
    const r = await writeAndRotate(dir, { name: auto(20), data: 'new', deleteNames: [auto(18), auto(17)] });
    expect(r).toEqual({ ok: true, path: path.join(dir, auto(20)), deleted: [auto(17)], notDeleted: [auto(18)] });
  });

  it.skipIf(isRoot)('fails without deleting anything when the folder cannot be written (skipped as root: root ignores permissions)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, auto(17)), 'old');
    chmodSync(dir, 0o555);
    try {
      const r = await writeAndRotate(dir, { name: auto(20), data: 'new', deleteNames: [auto(17)] });
      expect(r).toEqual({ ok: false, reason: 'failed', code: 'EACCES' });
      expect(readdirSync(dir)).toEqual([auto(17)]);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('fails without deleting anything when the new file cannot be put in place', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, auto(17)), 'old');
    mkdirSync(path.join(dir, auto(20)));
    writeFileSync(path.join(dir, auto(20), 'inside'), 'x'); // rename over a non-empty folder fails, even as root
    const r = await writeAndRotate(dir, { name: auto(20), data: 'new', deleteNames: [auto(17)] });
    expect(r).toMatchObject({ ok: false, reason: 'failed' });
    expect(readdirSync(dir).sort()).toEqual([auto(17), auto(20)]); // temp file removed, old backup kept
  });

  it('refuses without a folder, with a vanished folder, and never creates it', async () => {
    expect(await writeAndRotate(null, { name: auto(20), data: 'x', deleteNames: [] })).toEqual({ ok: false, reason: 'no-folder' });
    const gone = path.join(tempDir(), 'usb-stick');
    expect(await writeAndRotate(gone, { name: auto(20), data: 'x', deleteNames: [] })).toEqual({ ok: false, reason: 'folder-missing', path: gone });
    expect(existsSync(gone)).toBe(false);
  });

  it('never resolves a name outside the folder or a name that is not an automatic backup', async () => {
    const dir = tempDir();
    const parent = path.dirname(dir);
    const bad = ['../' + auto(20), `..${path.sep}${auto(20)}`, path.join(parent, auto(20)), 'notes.txt', `${auto(20)}/x`, '', '.', '..'];
    for (const name of bad) expect(() => resolveBackupPath(dir, name), name).toThrow(BackupPathError);
    await expect(writeAndRotate(dir, { name: auto(20), data: 'x', deleteNames: ['../victim.json'] })).rejects.toThrow(BackupPathError);
    await expect(writeAndRotate(dir, { name: '../' + auto(20), data: 'x', deleteNames: [] })).rejects.toThrow(BackupPathError);
    expect(readdirSync(dir)).toEqual([]);
    expect(resolveBackupPath(dir + path.sep, auto(20))).toBe(path.join(dir, auto(20)));
  });
});
