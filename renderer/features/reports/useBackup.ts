import { syncService } from '../sync/syncStore';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuthor, useDb } from '../../app/db';
import { restoreBackup } from './commands';
import { getDesk } from '../../app/desk';
import { writeFailureReason } from '../../app/writeFailure';
import { backupFileName, countDocuments, parseBackup, type BackupCounts, type ParsedBackup } from '@shared/backup';
import { backupText, GzipWorker } from './backupGzip';
import { gzipDeskBackup } from './backupMonths';

export type BackupMessage = { kind: 'ok' | 'error'; key: string; values?: Record<string, string | number> };

/** Backup and restore of this profile's database (Settings → Data). */
export function useBackup() {
  const db = useDb();
  const author = useAuthor();
  const [counts, setCounts] = useState<BackupCounts | null>(null);
  const [busy, setBusy] = useState<null | 'export' | 'check' | 'restore'>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [preview, setPreview] = useState<ParsedBackup | null>(null);
  const [message, setMessage] = useState<BackupMessage | null>(null);

  const refreshCounts = useCallback(async () => setCounts(await countDocuments(db)), [db]);
  // The backup's compressor, started with the panel so that it is ready when "Save a backup" is pressed.
  const gzipWorker = useRef<GzipWorker | null>(null);
  useEffect(() => {
    const worker = GzipWorker.start();
    gzipWorker.current = worker;
    return () => worker?.terminate();
  }, []);
  useEffect(() => {
    void refreshCounts();
  }, [refreshCounts]);
  const isEmpty = counts !== null && Object.values(counts).every((n) => n === 0);

  const exportBackup = async () => {
    setBusy('export');
    setMessage(null);
    try {
      const info = await getDesk().appInfo();
      // gzip: a year of a busy centre goes from tens of MB of JSON to a few MB (restore reads both); the database is
      // read collection by collection, each written while the next is read, as it was when the read began (readDatabasePieces).
      // The closed months of visits and loans that the last backup wrote and that provably hold are written again as
      // they were, not read; the months this one reads are kept for the next, once the file is made (backupMonths.ts).
      const { data, total } = await gzipDeskBackup(db, { appVersion: info.version, createdAt: new Date().toISOString() }, gzipWorker.current);
      const local = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString();
      const r = await getDesk().saveFile({ suggestedName: `${backupFileName(local)}.gz`, data, filters: [{ name: 'Sosedi Desk backup', extensions: ['gz'] }] });
      if (r.ok) setMessage({ kind: 'ok', key: 'backup.exported', values: { count: total } });
      else if (r.reason === 'failed') setMessage({ kind: 'error', key: 'backup.exportFailed' });
    } catch {
      setMessage({ kind: 'error', key: 'backup.exportFailed' });
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = async () => {
    setMessage(null);
    setPreview(null);
    const r = await getDesk().openFile({ filters: [{ name: 'Sosedi Desk backup', extensions: ['gz', 'json'] }] });
    if (!r.ok) {
      if (r.reason !== 'cancelled') setMessage({ kind: 'error', key: r.reason === 'too-large' ? 'backup.error.tooLarge' : 'backup.error.readFailed' });
      return;
    }
    setBusy('check');
    try {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let "checking…" paint before the synchronous check
      const parsed = parseBackup(await backupText(r.bytes));
      if (parsed.ok) setPreview(parsed);
      else setMessage({ kind: 'error', key: `backup.error.${parsed.code}`, values: parsed.detail ?? {} });
    } finally {
      setBusy(null);
    }
  };

  const confirmRestore = async () => {
    if (!preview) return;
    setBusy('restore');
    setProgress({ done: 0, total: preview.total });
    // A failed write keeps the chosen file on screen, so "restore" can simply be pressed again.
    let keepFile = false;
    try {
      const r = await syncService.withSyncPaused(() => restoreBackup({ db, author }, preview.backup, { onProgress: (done, total) => setProgress({ done, total }) }));
      if (r.ok) setMessage({ kind: 'ok', key: 'backup.restored', values: { count: r.restored } });
      else {
        keepFile = r.code === 'writeFailed';
        const reason = r.code === 'writeFailed' ? writeFailureReason(r.detail?.error ?? '') : '';
        setMessage({ kind: 'error', key: `backup.error.${r.code}`, values: { ...r.detail, reason } });
      }
    } catch (error) {
      // Even taking back the part that went in failed (the storage refuses every write): say so, in words.
      console.error(error);
      keepFile = true;
      setMessage({ kind: 'error', key: 'backup.writeFailedPartly', values: { reason: writeFailureReason(error) } });
    } finally {
      if (!keepFile) setPreview(null);
      setProgress(null);
      setBusy(null);
      await refreshCounts();
    }
  };

  return { counts, isEmpty, busy, progress, preview, message, exportBackup, chooseFile, confirmRestore, cancel: () => setPreview(null) };
}
