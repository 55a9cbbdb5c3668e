/**
 * The automatic backup run against a real (memory) RxDB and a desk whose backup channels go through
 * the contract's payload validation into main's real file logic on a temp folder — the same path as
 * Electron, without the binary.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, SETTINGS_ID, stampNew, type DeskDatabase } from '@shared/db';
import { defaultCentre } from '@shared/centre/validate';
import { parseBackup } from '@shared/backup';
import { parseIpcArgs, type DeskApi } from '@shared/ipc/contract';
import { listAutoBackups, writeAndRotate } from '../../../electron/main/backupFolder';
import { runAutoBackup, statusAfter, type AutoBackupStatus } from './useAutoBackup';

const by = { desk: 'test-desk', volunteer: 'Анна' };
const dirs: string[] = [];
let db: DeskDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function setup(options: { keep?: number } = {}) {
  db = await createDatabase({ name: 'auto-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true });
  await db.settings.insert(stampNew({ ...defaultCentre(), name: 'Центр на Садовой', ...(options.keep ? { autoBackupKeep: options.keep } : {}) }, by, SETTINGS_ID));
  const folder = mkdtempSync(path.join(tmpdir(), 'desk-auto-run-'));
  dirs.push(folder);
  const state = { folder: folder as string | null, writes: 0 };
  const desk = {
    appInfo: async () => ({ name: 'Sosedi Desk', version: '1.2.3', platform: 'linux', isElectron: true, secretsEncrypted: true }),
    backupFolderGet: async () => ({ ok: true as const, path: state.folder }),
    backupList: async () => listAutoBackups(state.folder),
    backupWriteAndRotate: async (request: unknown) => {
      state.writes++;
      const parsed = parseIpcArgs('backupWriteAndRotate', [request]); // what main checks first
      if (!parsed.ok) throw new Error(parsed.code);
      return writeAndRotate(state.folder, parsed.args);
    },
  } as unknown as DeskApi;
  return { db, folder, state, desk };
}

const day = (d: number, hhmm = '0900') => `sosedi-desk-auto-2026-03-${String(d).padStart(2, '0')}-${hhmm}.json.gz`;

describe('runAutoBackup', () => {
  it('writes a whole, valid backup at the first run of the day, then not again until forced', async () => {
    const { db, folder, desk, state } = await setup();
    const first = await runAutoBackup(db, desk, { localNow: '2026-03-20T09:00' });
    expect(first).toEqual({ kind: 'written', folder, names: [day(20)], name: day(20), notDeleted: [] });
    const parsed = parseBackup(gunzipSync(readFileSync(path.join(folder, day(20)))).toString('utf8')); // gzip, like one saved by hand
    expect(parsed.ok && parsed.counts.settings).toBe(1);
    expect(parsed.ok && parsed.backup.appVersion).toBe('1.2.3');
    expect(parsed.ok && (parsed.backup.collections.settings?.[0] as { name: string }).name).toBe('Центр на Садовой');

    expect(await runAutoBackup(db, desk, { localNow: '2026-03-20T18:00' })).toEqual({ kind: 'not-due', folder, names: [day(20)] });
    expect(state.writes).toBe(1);
    const forced = await runAutoBackup(db, desk, { localNow: '2026-03-20T18:00', force: true });
    expect(forced).toMatchObject({ kind: 'written', name: day(20, '1800'), names: [day(20), day(20, '1800')] });
    expect(readdirSync(folder).sort()).toEqual([day(20), day(20, '1800')]);
  });

  it('keeps the number from the settings and leaves other files alone', async () => {
    const { db, folder, desk } = await setup({ keep: 2 });
    for (const n of [day(17), day(18), day(19), 'notes.txt', 'sosedi-desk-backup-2026-03-01-1200.json']) writeFileSync(path.join(folder, n), 'old');
    const r = await runAutoBackup(db, desk, { localNow: '2026-03-20T09:00' });
    expect(r).toMatchObject({ kind: 'written', names: [day(19), day(20)], notDeleted: [] });
    expect(readdirSync(folder).sort()).toEqual(['notes.txt', day(19), day(20), 'sosedi-desk-backup-2026-03-01-1200.json']);
  });

  it('keeps 14 when the settings say nothing', async () => {
    const { db, folder, desk } = await setup();
    for (let d = 1; d <= 16; d++) writeFileSync(path.join(folder, day(d)), 'old');
    const r = await runAutoBackup(db, desk, { localNow: '2026-03-20T09:00' });
    expect(r.kind === 'written' && r.names).toHaveLength(14);
    expect(readdirSync(folder)).toHaveLength(14);
    expect(readdirSync(folder)).not.toContain(day(3));
    expect(readdirSync(folder)).toContain(day(4));
  });

  it('does nothing without a folder, and reports a vanished folder as an error', async () => {
    const { db, desk, state } = await setup();
    state.folder = null;
    expect(await runAutoBackup(db, desk, { localNow: '2026-03-20T09:00' })).toEqual({ kind: 'no-folder' });
    state.folder = path.join(tmpdir(), 'desk-auto-run-unplugged-' + Math.random().toString(36).slice(2));
    const r = await runAutoBackup(db, desk, { localNow: '2026-03-20T09:00' });
    expect(r).toEqual({ kind: 'failed', folder: state.folder, error: { code: 'folder-missing', detail: state.folder } });
    expect(state.writes).toBe(0);
  });

  it('never lists a folder named like a backup, and reports old backups it could not delete', async () => {
    const { db, folder, desk } = await setup({ keep: 1 });
    writeFileSync(path.join(folder, day(18)), 'old');
    mkdirSync(path.join(folder, day(19))); // made by hand: not a file, so not listed
    expect(await runAutoBackup(db, desk, { localNow: '2026-03-20T09:00' })).toMatchObject({ kind: 'written', name: day(20), notDeleted: [] });
    expect(readdirSync(folder).sort()).toEqual([day(19), day(20)]);
    // a list that went stale (the entry changed between listing and deleting): deletion fails and is reported
    const stale = { ...desk, backupList: async () => ({ ok: true, names: [day(19), day(20)] }) } as DeskApi;
    const r = await runAutoBackup(db, stale, { localNow: '2026-03-21T09:00' });
    expect(r).toMatchObject({ kind: 'written', name: day(21), notDeleted: [day(19)], names: [day(19), day(21)] });
    expect(readdirSync(folder).sort()).toEqual([day(19), day(21)]);
  });

  it('says browser-mode in a browser and turns a thrown error into an "unexpected" failure', async () => {
    const { db, desk } = await setup();
    const browser = { ...desk, backupFolderGet: async () => ({ ok: false, reason: 'browser-mode' }) } as DeskApi;
    expect(await runAutoBackup(db, browser, { localNow: '2026-03-20T09:00' })).toEqual({ kind: 'browser-mode' });
    const broken = { ...desk, backupWriteAndRotate: async () => Promise.reject(new Error('ipc.invalid-payload: name')) } as DeskApi;
    expect(await runAutoBackup(db, broken, { localNow: '2026-03-20T09:00' })).toMatchObject({
      kind: 'failed',
      error: { code: 'unexpected', detail: 'ipc.invalid-payload: name' },
    });
  });
});

describe('statusAfter', () => {
  const start: AutoBackupStatus = { mode: 'unknown', folder: null, names: [], busy: false, lastError: null };
  it('keeps the error of a failed run until a run finds today’s backup in place or writes one', () => {
    const failed = statusAfter(start, { kind: 'failed', folder: '/b', error: { code: 'failed', detail: 'ENOSPC' } });
    expect(failed).toMatchObject({ mode: 'desktop', folder: '/b', lastError: { code: 'failed', detail: 'ENOSPC' } });
    const partly = statusAfter(failed, { kind: 'written', folder: '/b', names: [day(20)], name: day(20), notDeleted: [day(1)] });
    expect(partly.lastError).toEqual({ code: 'not-deleted', detail: day(1) });
    expect(statusAfter(partly, { kind: 'not-due', folder: '/b', names: [day(20)] }).lastError).toBeNull();
    expect(statusAfter(failed, { kind: 'browser-mode' })).toMatchObject({ mode: 'browser', lastError: null });
  });
});
