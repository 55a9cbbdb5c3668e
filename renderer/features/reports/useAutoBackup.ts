/**
 * Automatic daily backup (desktop app). The folder is chosen per computer and kept by main; how many
 * backups to keep is in the centre's settings. At start-up and every hour while the app is open: if a
 * folder is set and today has no automatic backup yet, the whole database is written there and the
 * oldest automatic backups beyond "keep" are deleted (planAutoBackup decides, main does the file work).
 * Failures are shown as a notification and in the panel, never swallowed.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { localNow } from '@shared/time';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { SETTINGS_ID, type DeskDatabase } from '@shared/db';
import { planAutoBackup } from '@shared/backup';
import { gzipDeskBackup } from './backupMonths';
import type { BackupFolderFailure, DeskApi } from '@shared/ipc/contract';
import { useDb } from '../../app/db';
import { getDesk } from '../../app/desk';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Why the last automatic backup did not (fully) work; `detail` is an OS code, a path or names, never prose. */
export type AutoBackupError =
  | { code: 'folder-missing'; detail: string }
  | { code: 'failed'; detail: string }
  | { code: 'not-deleted'; detail: string }
  | { code: 'unexpected'; detail: string };

export type AutoBackupOutcome =
  | { kind: 'browser-mode' }
  | { kind: 'no-folder' }
  | { kind: 'not-due'; folder: string; names: string[] }
  | { kind: 'written'; folder: string; names: string[]; name: string; notDeleted: string[] }
  | { kind: 'failed'; folder: string | null; names?: string[]; error: AutoBackupError };

const failure = (folder: string | null, f: BackupFolderFailure, names?: string[]): AutoBackupOutcome =>
  f.reason === 'no-folder'
    ? { kind: 'no-folder' }
    : { kind: 'failed', folder, ...(names ? { names } : {}), error: f.reason === 'folder-missing' ? { code: 'folder-missing', detail: f.path } : { code: 'failed', detail: f.code } };

/**
 * One run: look at the folder, and write + rotate when due (or when forced by "back up now").
 * `localNow` is the local wall-clock time `YYYY-MM-DDTHH:mm` that names the file.
 */
export async function runAutoBackup(db: DeskDatabase, desk: DeskApi, options: { localNow: string; force?: boolean }): Promise<AutoBackupOutcome> {
  let folder: string | null = null;
  try {
    const got = await desk.backupFolderGet();
    if (!got.ok) return { kind: 'browser-mode' };
    if (got.path === null) return { kind: 'no-folder' };
    folder = got.path;
    const listed = await desk.backupList();
    if (!listed.ok) return listed.reason === 'browser-mode' ? { kind: 'browser-mode' } : failure(folder, listed);
    const settings = await db.settings.findOne(SETTINGS_ID).exec();
    const plan = planAutoBackup({ localNow: options.localNow, names: listed.names, keep: settings?.autoBackupKeep, force: options.force ?? false });
    if (!plan) return { kind: 'not-due', folder, names: listed.names };

    const info = await desk.appInfo();
    // gzip, like a backup saved by hand: ~12× smaller on disk and over IPC (a busy year: 36 MB of JSON, 3 MB).
    // the closed months that provably hold are written from their kept text, as a backup by hand does (backupMonths.ts)
    const { data } = await gzipDeskBackup(db, { appVersion: info.version, createdAt: new Date().toISOString() });
    const written = await desk.backupWriteAndRotate({ name: plan.name, data, deleteNames: plan.deleteNames });
    if (!written.ok) return written.reason === 'browser-mode' ? { kind: 'browser-mode' } : failure(folder, written, listed.names);
    const gone = new Set(written.deleted);
    const names = [...new Set([...listed.names.filter((n) => !gone.has(n)), plan.name])].sort();
    return { kind: 'written', folder, names, name: plan.name, notDeleted: written.notDeleted };
  } catch (e) {
    return { kind: 'failed', folder, error: { code: 'unexpected', detail: e instanceof Error ? e.message : String(e) } };
  }
}

// ---------- status shared by the background service and the Settings panel ----------

export interface AutoBackupStatus {
  /** 'unknown' until the first answer from the desk. */
  mode: 'unknown' | 'browser' | 'desktop';
  folder: string | null;
  /** Automatic backups now in the folder. */
  names: string[];
  busy: boolean;
  lastError: AutoBackupError | null;
}

let status: AutoBackupStatus = { mode: 'unknown', folder: null, names: [], busy: false, lastError: null };
const listeners = new Set<() => void>();
const setStatus = (patch: Partial<AutoBackupStatus>) => {
  status = { ...status, ...patch };
  listeners.forEach((l) => l());
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The status after an outcome. A run that found today's backup in place clears an old error. */
export function statusAfter(prev: AutoBackupStatus, outcome: AutoBackupOutcome): AutoBackupStatus {
  switch (outcome.kind) {
    case 'browser-mode':
      return { ...prev, mode: 'browser', folder: null, names: [], lastError: null };
    case 'no-folder':
      return { ...prev, mode: 'desktop', folder: null, names: [], lastError: null };
    case 'not-due':
      return { ...prev, mode: 'desktop', folder: outcome.folder, names: outcome.names, lastError: null };
    case 'written': {
      const lastError = outcome.notDeleted.length > 0 ? ({ code: 'not-deleted', detail: outcome.notDeleted.join(', ') } as const) : null;
      return { ...prev, mode: 'desktop', folder: outcome.folder, names: outcome.names, lastError };
    }
    case 'failed':
      return { ...prev, mode: 'desktop', folder: outcome.folder, names: outcome.names ?? prev.names, lastError: outcome.error };
  }
}

/** The message of an error (its OS code explained where we know it). */
export function autoBackupErrorText(t: TFunction<'reports'>, error: AutoBackupError): string {
  if (error.code === 'failed') return t([`autoBackup.errno.${error.detail}`, 'autoBackup.error.failed'], { detail: error.detail });
  return t(`autoBackup.error.${error.code}`, { detail: error.detail });
}

/** Title, text and colour of an error, for the notification and the panel alike. */
export function autoBackupErrorView(t: TFunction<'reports'>, error: AutoBackupError) {
  // The backup was written when only old files stayed: a warning, not a failure.
  const warning = error.code === 'not-deleted';
  return { color: warning ? 'yellow' : 'red', title: t(warning ? 'autoBackup.warningTitle' : 'autoBackup.failedTitle'), message: autoBackupErrorText(t, error) };
}

function notifyError(t: TFunction<'reports'>, error: AutoBackupError): void {
  notifications.show({ ...autoBackupErrorView(t, error), autoClose: false });
}

// Runs one after another: the hourly check and "back up now" never write at the same time.
let queue: Promise<unknown> = Promise.resolve();

/** Run, record the outcome in the shared status, and notify about a failure. */
function runAndRecord(db: DeskDatabase, t: TFunction<'reports'>, force: boolean): Promise<AutoBackupOutcome> {
  const next = queue.then(async () => {
    setStatus({ busy: true });
    const outcome = await runAutoBackup(db, getDesk(), { localNow: localNow(), force });
    setStatus({ ...statusAfter(status, outcome), busy: false });
    if (outcome.kind === 'failed') notifyError(t, outcome.error);
    if (outcome.kind === 'written' && outcome.notDeleted.length > 0) notifyError(t, { code: 'not-deleted', detail: outcome.notDeleted.join(', ') });
    return outcome;
  });
  queue = next;
  return next;
}

/** The background service: mount once (AppServices). */
export function useAutoBackup(): void {
  const db = useDb();
  const { t } = useTranslation('reports');
  useEffect(() => {
    const tick = () => void runAndRecord(db, t, false);
    tick();
    const timer = setInterval(tick, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [db, t]);
}

/** For the Settings panel: the shared status and its actions. */
export function useAutoBackupPanel() {
  const db = useDb();
  const { t } = useTranslation('reports');
  const current = useSyncExternalStore(subscribe, () => status);

  // Fresh status when the panel opens (the folder may have been emptied by hand); writes only if due.
  useEffect(() => {
    void runAndRecord(db, t, false);
  }, [db, t]);

  const chooseFolder = useCallback(async () => {
    try {
      const r = await getDesk().backupFolderChoose();
      if (r.ok) await runAndRecord(db, t, false); // the first backup goes there at once
    } catch (e) {
      const error: AutoBackupError = { code: 'unexpected', detail: e instanceof Error ? e.message : String(e) };
      setStatus({ lastError: error });
      notifyError(t, error);
    }
  }, [db, t]);

  const backUpNow = useCallback(async () => {
    const outcome = await runAndRecord(db, t, true);
    if (outcome.kind === 'written') notifications.show({ color: 'green', message: t('autoBackup.written', { name: outcome.name }) });
  }, [db, t]);

  return { status: current, chooseFolder, backUpNow };
}
