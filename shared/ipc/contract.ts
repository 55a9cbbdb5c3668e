/**
 * The one IPC contract of Sosedi Desk: every channel of `window.desk` with its
 * argument schema (validated in main at run time) and its result type.
 * Used by electron/main (handlers), electron/preload (the bridge) and the
 * renderer (types + the browser implementation). No user-facing text here:
 * failures are codes (`reason`) that the renderer maps to i18n keys.
 */
import { z } from 'zod';
import { AUTO_BACKUP_NAME } from '../backup/rotation';
import { CHANNELS, type ChannelKey } from './channels';

export { CHANNELS, type ChannelKey } from './channels';

/** Largest file the desk saves or opens through IPC (64 MiB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Largest HTML document handed to the printer (16 MiB of text: posters embed images as data URLs). */
export const MAX_HTML_CHARS = 16 * 1024 * 1024;

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const fileFilterSchema = z.strictObject({
  /** i18n-free label shown by the OS dialog, e.g. "CSV". Extensions carry the meaning. */
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[a-z0-9]{1,10})$/i)).min(1).max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

const bytesSchema = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'too large');

export const saveFileArgs = z.strictObject({
  /** File name only (no folders), e.g. "visits-2026-11.csv". */
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'name only'),
  data: z.union([z.string().max(MAX_FILE_BYTES), bytesSchema]),
  filters: z.array(fileFilterSchema).max(10).optional(),
});
export type SaveFileRequest = z.infer<typeof saveFileArgs>;

export const openFileArgs = z.strictObject({
  filters: z.array(fileFilterSchema).max(10).optional(),
});
export type OpenFileRequest = z.infer<typeof openFileArgs>;

export const printHtmlArgs = z.strictObject({
  html: z.string().min(1).max(MAX_HTML_CHARS),
});
export type PrintHtmlRequest = z.infer<typeof printHtmlArgs>;

export const PAGE_SIZES = ['A4', 'A3'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const printToPdfArgs = z.strictObject({
  html: z.string().min(1).max(MAX_HTML_CHARS),
  pageSize: z.enum(PAGE_SIZES),
  landscape: z.boolean().optional(),
});
export type PrintToPdfRequest = z.infer<typeof printToPdfArgs>;

/** Secret names are code-chosen keys such as "sync.password". */
export const secretKeySchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i);
export const setSecretArgs = z.strictObject({ key: secretKeySchema, value: z.string().max(64 * 1024) });
export const secretKeyArgs = z.strictObject({ key: secretKeySchema });

export const openExternalArgs = z.strictObject({ url: z.string().max(2048) });
export const setMenuLanguageArgs = z.strictObject({ language: z.enum(LANGUAGES) });
/**
 * The CouchDB server the desk syncs with (its origin joins CSP connect-src); null clears it. `inBuilding`: the
 * centre chose a plain-http server on its own network (checkSyncUrl refuses plain http elsewhere).
 */
export const setSyncServerArgs = z.strictObject({ url: z.string().max(2048).nullable(), inBuilding: z.boolean().optional() });

/** Only automatic-backup file names (no folders, no other files): main writes and deletes nothing else. */
export const autoBackupNameSchema = z.string().max(64).regex(AUTO_BACKUP_NAME);
/** Most old automatic backups one call may delete. */
export const MAX_BACKUP_DELETES = 1000;
export const backupWriteArgs = z
  .strictObject({
    name: autoBackupNameSchema,
    /** The backup file: gzip bytes (gzipBackupFile), or the plain text earlier versions sent. */
    data: z.union([z.string().min(1).max(MAX_FILE_BYTES), bytesSchema.refine((b) => b.byteLength > 0, 'empty')]),
    deleteNames: z.array(autoBackupNameSchema).max(MAX_BACKUP_DELETES),
  })
  .refine((a) => !a.deleteNames.includes(a.name), { message: 'deletes the file it writes', path: ['deleteNames'] });
export type BackupWriteRequest = z.infer<typeof backupWriteArgs>;

const noArgs = z.strictObject({});
/** The volunteer's OK to a downloaded update: restart into it now, or install it when the desk closes. */
export const updateInstallArgs = z.strictObject({ when: z.enum(['now', 'next-start']) });

/**
 * Channel → argument schema. Every invocation carries exactly one object
 * argument (`{}` for "no arguments") so validation is uniform.
 */
export const ipcArgs = {
  appInfo: noArgs,
  saveFile: saveFileArgs,
  openFile: openFileArgs,
  printView: noArgs,
  printHtml: printHtmlArgs,
  printToPdf: printToPdfArgs,
  setSecret: setSecretArgs,
  getSecret: secretKeyArgs,
  deleteSecret: secretKeyArgs,
  openExternal: openExternalArgs,
  setMenuLanguage: setMenuLanguageArgs,
  setSyncServer: setSyncServerArgs,
  backupFolderChoose: noArgs,
  backupFolderGet: noArgs,
  backupList: noArgs,
  backupWriteAndRotate: backupWriteArgs,
  updateState: noArgs,
  updateCheck: noArgs,
  updateInstall: updateInstallArgs,
} as const satisfies Record<ChannelKey, z.ZodType>;

export type IpcArgs = { [K in ChannelKey]: z.infer<(typeof ipcArgs)[K]> };

// ---------- results ----------

export interface AppInfo {
  name: string;
  version: string;
  /** 'linux' | 'win32' | 'darwin' in Electron; 'browser' in browser mode. */
  platform: string;
  isElectron: boolean;
  /** false in browser mode: secrets sit unencrypted in localStorage (show a warning). */
  secretsEncrypted: boolean;
}

export type Cancelled = { ok: false; reason: 'cancelled' };
export type SaveFileResult = { ok: true; path: string } | Cancelled | { ok: false; reason: 'failed' };
export type OpenFileResult = { ok: true; name: string; bytes: Uint8Array } | Cancelled | { ok: false; reason: 'too-large' | 'failed' };
export type PrintResult = { ok: true } | Cancelled | { ok: false; reason: 'failed' };
/**
 * Electron returns the PDF; a browser cannot make one silently, so it opens its
 * print dialog (where the person can pick "Save as PDF") and says so.
 */
export type PrintToPdfResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'browser-print-dialog' | 'failed' };
export type OpenExternalResult = { ok: true } | { ok: false; reason: 'not-allowed' };
/** CSP is fixed when a page loads: after a change the window must reload before sync can connect. */
export type SetSyncServerResult = { ok: true; reloadRequired: boolean } | { ok: false; reason: 'invalid-url' };

/** Automatic backups are written by the desktop app only; the browser stand-in answers this. */
export type BrowserMode = { ok: false; reason: 'browser-mode' };
/**
 * Why the backup folder could not be used: none chosen yet, it is gone (unplugged drive, deleted),
 * or the file system refused (`code` is the OS error code such as EACCES or ENOSPC, for the message).
 */
export type BackupFolderFailure = { ok: false; reason: 'no-folder' } | { ok: false; reason: 'folder-missing'; path: string } | { ok: false; reason: 'failed'; code: string };
export type BackupFolderChooseResult = { ok: true; path: string } | Cancelled | BrowserMode;
export type BackupFolderGetResult = { ok: true; path: string | null } | BrowserMode;
/** Names of the automatic backups in the folder (other files are not listed). */
export type BackupListResult = { ok: true; names: string[] } | BackupFolderFailure | BrowserMode;
/** The file is written; `notDeleted` lists old backups that could not be removed (they stay, and the UI says so). */
export type BackupWriteResult =
  | { ok: true; path: string; deleted: string[]; notDeleted: string[] }
  | BackupFolderFailure
  | BrowserMode;

/**
 * The desktop app's updates (electron-updater in main). `off`: a development run, browser mode (its service
 * worker updates it), or no release feed configured. `latest`: the last check found nothing newer.
 */
export type DeskUpdateState =
  | { phase: 'off'; reason: 'dev' | 'no-feed' | 'browser-mode' }
  | { phase: 'idle'; checkedAt: string | null; latest?: boolean }
  | { phase: 'checking' }
  | { phase: 'downloading'; version: string; percent: number }
  | { phase: 'ready'; version: string; installAtNextStart: boolean }
  | { phase: 'error'; checkedAt: string };
export type UpdateInstallResult = { ok: true } | { ok: false; reason: 'not-ready' };

export interface IpcResults {
  appInfo: AppInfo;
  saveFile: SaveFileResult;
  openFile: OpenFileResult;
  printView: PrintResult;
  printHtml: PrintResult;
  printToPdf: PrintToPdfResult;
  setSecret: { ok: true } | { ok: false; reason: 'unavailable' };
  getSecret: string | null;
  deleteSecret: { ok: true };
  openExternal: OpenExternalResult;
  setMenuLanguage: { ok: true };
  setSyncServer: SetSyncServerResult;
  backupFolderChoose: BackupFolderChooseResult;
  backupFolderGet: BackupFolderGetResult;
  backupList: BackupListResult;
  backupWriteAndRotate: BackupWriteResult;
  updateState: DeskUpdateState;
  updateCheck: DeskUpdateState;
  updateInstall: UpdateInstallResult;
}

/** What `window.desk` exposes (Electron preload and the browser implementation alike). */
export interface DeskApi {
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request?: OpenFileRequest): Promise<OpenFileResult>;
  /** Print what the window shows now (system print dialog). */
  printView(): Promise<PrintResult>;
  /** Print a complete HTML document (posters, slips) with the system print dialog. */
  printHtml(request: PrintHtmlRequest): Promise<PrintResult>;
  printToPdf(request: PrintToPdfRequest): Promise<PrintToPdfResult>;
  setSecret(key: string, value: string): Promise<IpcResults['setSecret']>;
  getSecret(key: string): Promise<string | null>;
  deleteSecret(key: string): Promise<{ ok: true }>;
  /** Open an https link in the system browser; hosts outside the allow-list are refused. */
  openExternal(url: string): Promise<OpenExternalResult>;
  setMenuLanguage(language: Language): Promise<{ ok: true }>;
  setSyncServer(url: string | null, inBuilding?: boolean): Promise<SetSyncServerResult>;
  /** Folder dialog for automatic backups; main remembers the folder (per computer). */
  backupFolderChoose(): Promise<BackupFolderChooseResult>;
  backupFolderGet(): Promise<BackupFolderGetResult>;
  backupList(): Promise<BackupListResult>;
  /** Write one automatic backup atomically into the chosen folder, then delete the listed older ones. */
  backupWriteAndRotate(request: BackupWriteRequest): Promise<BackupWriteResult>;
  /** The desktop app's update: off, checking, downloading, ready for the volunteer's OK … */
  updateState(): Promise<DeskUpdateState>;
  /** Look for a newer version now (it downloads in the background when there is one). */
  updateCheck(): Promise<DeskUpdateState>;
  /** The volunteer's OK to a downloaded update. */
  updateInstall(when: 'now' | 'next-start'): Promise<UpdateInstallResult>;
}

/** Error codes main rejects an invocation with (the message of the rejected promise contains it). */
export const IPC_ERRORS = {
  invalidPayload: 'ipc.invalid-payload',
  forbiddenSender: 'ipc.forbidden-sender',
} as const;

export type ParsedInvocation<K extends ChannelKey> =
  | { ok: true; args: IpcArgs[K] }
  | { ok: false; code: (typeof IPC_ERRORS)[keyof typeof IPC_ERRORS]; issues?: string[] };

/** Validate the raw arguments of one invocation (main calls this before any handler). */
export function parseIpcArgs<K extends ChannelKey>(channel: K, raw: readonly unknown[]): ParsedInvocation<K> {
  const schema = ipcArgs[channel] as unknown as z.ZodType<IpcArgs[K]>;
  if (raw.length !== 1) return { ok: false, code: IPC_ERRORS.invalidPayload, issues: ['expected exactly one argument'] };
  const result = schema.safeParse(raw[0]);
  if (!result.success) {
    return {
      ok: false,
      code: IPC_ERRORS.invalidPayload,
      issues: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  return { ok: true, args: result.data };
}

export const CHANNEL_KEYS = Object.keys(CHANNELS) as ChannelKey[];
