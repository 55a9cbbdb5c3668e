/**
 * Automatic daily backups (Electron): naming, when the next one is due, and which old files to delete.
 * Pure: main lists the folder and deletes; this decides.
 */
const AUTO_PREFIX = 'sosedi-desk-auto';
// gzip since this version (`.json.gz`); plain `.json` ones from earlier versions still count and rotate out.
const AUTO_NAME = /^sosedi-desk-auto-(\d{4}-\d{2}-\d{2})-(\d{4})\.json(?:\.gz)?$/;
/** Exactly the names of automatic backups: main refuses to write or delete any other file. */
export const AUTO_BACKUP_NAME = /^sosedi-desk-auto-\d{4}-\d{2}-\d{2}-\d{4}\.json(?:\.gz)?$/;
/** How many automatic backups are kept when the settings say nothing. */
export const DEFAULT_AUTO_BACKUP_KEEP = 14;
export const MAX_AUTO_BACKUP_KEEP = 365;

/** `sosedi-desk-auto-YYYY-MM-DD-HHmm.json.gz` (gzip, like a backup saved by hand) from a local wall-clock time `YYYY-MM-DDTHH:mm`. */
export function autoBackupName(localNow: string): string {
  return `${AUTO_PREFIX}-${localNow.slice(0, 10)}-${localNow.slice(11, 13)}${localNow.slice(14, 16)}.json.gz`;
}

/** The local time encoded in an automatic backup's name, or null for any other file. */
export function autoBackupTime(fileName: string): string | null {
  const m = AUTO_NAME.exec(fileName);
  return m ? `${m[1]}T${m[2]!.slice(0, 2)}:${m[2]!.slice(2)}` : null;
}

/**
 * The automatic backups to delete so that the newest `keep` remain. Files that are not automatic
 * backups (a person's own exports, other files in the folder) are never touched. keep < 1 counts as 1.
 */
export function backupsToDelete(fileNames: readonly string[], keep: number): string[] {
  const autos = fileNames
    .map((name) => ({ name, time: autoBackupTime(name) }))
    .filter((f): f is { name: string; time: string } => f.time !== null)
    .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.name < b.name ? 1 : -1));
  return autos.slice(Math.max(1, Math.floor(keep))).map((f) => f.name);
}

/** A daily backup is due when there is none from today's local date (`localNow` = `YYYY-MM-DDTHH:mm`). */
export function isDailyBackupDue(fileNames: readonly string[], localNow: string): boolean {
  const today = localNow.slice(0, 10);
  return !fileNames.some((n) => autoBackupTime(n)?.slice(0, 10) === today);
}

/** The newest automatic backup's local time (`YYYY-MM-DDTHH:mm`) among the names, or null. */
export function lastAutoBackupTime(fileNames: readonly string[]): string | null {
  let last: string | null = null;
  for (const n of fileNames) {
    const time = autoBackupTime(n);
    if (time !== null && (last === null || time > last)) last = time;
  }
  return last;
}

export interface AutoBackupPlan {
  /** The file to write now. */
  name: string;
  /** Older automatic backups to delete once it is written (never `name` itself). */
  deleteNames: string[];
}

/**
 * What the automatic backup does now: nothing (null) when today's backup exists and it is not forced
 * ("back up now"), otherwise the file to write and the old ones to delete so that `keep` remain,
 * counting the new one. `keep` missing or invalid means the default.
 */
export function planAutoBackup(input: { localNow: string; names: readonly string[]; keep?: number | undefined; force?: boolean }): AutoBackupPlan | null {
  const { localNow, names, force = false } = input;
  if (!force && !isDailyBackupDue(names, localNow)) return null;
  const keep = input.keep !== undefined && Number.isFinite(input.keep) ? Math.min(MAX_AUTO_BACKUP_KEEP, input.keep) : DEFAULT_AUTO_BACKUP_KEEP;
  const name = autoBackupName(localNow);
  const others = names.filter((n) => n !== name);
  return { name, deleteNames: backupsToDelete([name, ...others], keep).filter((n) => n !== name) };
}
