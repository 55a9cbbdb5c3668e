/**
 * Desktop updates with electron-updater. The centre chooses where releases come from: a folder on its own HTTPS
 * site (`generic`) or the project's GitHub releases (`github`), in desk-config.json (`updateFeed`) or baked into
 * the installer at build time (electron-builder `publish` → app-update.yml; docs/distribution.md).
 *
 * What this module decides (the updater itself is passed in, so the decisions are tested with a mock):
 * - nothing at all in a development run or with no feed configured;
 * - check at start and then once a day; never two checks at once; an error (offline, no release yet) is kept
 *   as state and the next check simply tries again;
 * - a newer version downloads in the background;
 * - it is installed only with the volunteer's OK: "at next start" (installed when the desk closes, so the next
 *   start runs it) or "now" (restart); without an OK nothing is installed and the next start asks again.
 */
import { z } from 'zod';
import type { DeskUpdateState } from '@shared/ipc/contract';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A folder of releases (latest.yml & co.) over HTTPS (http only to this computer, for trying a release out). */
const releaseFolderUrl = z
  .string()
  .max(2048)
  .refine((raw) => {
    try {
      const url = new URL(raw);
      const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname);
      return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  });

export const updateFeedSchema = z.discriminatedUnion('provider', [
  z.strictObject({ provider: z.literal('generic'), url: releaseFolderUrl }),
  z.strictObject({
    provider: z.literal('github'),
    owner: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/),
    repo: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  }),
]);
export type UpdateFeed = z.infer<typeof updateFeedSchema>;

/** The part of electron-updater's AppUpdater this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: UpdateFeed): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: string, listener: (arg: never) => void): unknown;
}

export interface DeskUpdatesOptions {
  /** electron-updater's autoUpdater; null in a development run (nothing to update). */
  updater: UpdaterLike | null;
  /** The centre's feed from desk-config.json, if any. */
  feed: UpdateFeed | null;
  /** The installer carries app-update.yml (a `publish` feed chosen when it was built). */
  bundledFeed: boolean;
  every?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  now?: () => Date;
}

export interface DeskUpdates {
  state(): DeskUpdateState;
  /** Checks at once and then every day. */
  start(): void;
  stop(): void;
  /** Checks now (unless a check, a download or a ready update is under way) and answers the state after it. */
  check(): Promise<DeskUpdateState>;
  /** The volunteer's OK: install when the desk closes, so that its next start runs the new version. */
  installAtNextStart(): boolean;
  /** The volunteer's OK: restart into the new version now. */
  installNow(): boolean;
}

export function createDeskUpdates(options: DeskUpdatesOptions): DeskUpdates {
  const { updater, feed } = options;
  const every = options.every ?? DAY_MS;
  const setEvery = options.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const clearEvery = options.clearInterval ?? ((h: unknown) => clearInterval(h as ReturnType<typeof setInterval>));
  const now = () => (options.now ?? (() => new Date()))().toISOString();

  let state: DeskUpdateState = !updater
    ? { phase: 'off', reason: 'dev' }
    : !feed && !options.bundledFeed
      ? { phase: 'off', reason: 'no-feed' }
      : { phase: 'idle', checkedAt: null };
  let timer: unknown = null;
  let started = false;
  /** The state now (listeners change it while a check is awaited). */
  const current = (): DeskUpdateState => state;
  const busy = () => state.phase === 'checking' || state.phase === 'downloading' || state.phase === 'ready';

  const setUp = (u: UpdaterLike) => {
    u.autoDownload = true;
    u.autoInstallOnAppQuit = false; // only after the volunteer's OK
    u.allowPrerelease = false;
    u.allowDowngrade = false;
    if (feed) u.setFeedURL(feed);
    u.on('checking-for-update', () => {
      if (!busy()) state = { phase: 'checking' };
    });
    u.on('update-available', (info: { version: string }) => {
      if (state.phase !== 'ready') state = { phase: 'downloading', version: info.version, percent: 0 };
    });
    u.on('download-progress', (p: { percent: number }) => {
      if (state.phase === 'downloading') state = { ...state, percent: Math.max(0, Math.min(100, Math.round(p.percent))) };
    });
    u.on('update-not-available', () => {
      state = { phase: 'idle', checkedAt: now(), latest: true };
    });
    u.on('update-downloaded', (info: { version: string }) => {
      state = { phase: 'ready', version: info.version, installAtNextStart: false };
    });
    u.on('error', () => {
      if (state.phase !== 'ready') state = { phase: 'error', checkedAt: now() };
    });
  };

  const check = async (): Promise<DeskUpdateState> => {
    if (!updater || state.phase === 'off' || busy()) return state;
    state = { phase: 'checking' };
    try {
      await updater.checkForUpdates();
      // update-available starts the download; otherwise the check ended without telling us more
      if (current().phase === 'checking') state = { phase: 'idle', checkedAt: now(), latest: true };
    } catch {
      if (current().phase !== 'ready') state = { phase: 'error', checkedAt: now() };
    }
    return state;
  };

  return {
    state: () => state,
    start() {
      if (!updater || state.phase === 'off' || started) return;
      started = true;
      setUp(updater);
      void check();
      timer = setEvery(() => void check(), every);
    },
    stop() {
      if (timer !== null) clearEvery(timer);
      timer = null;
    },
    check,
    installAtNextStart() {
      if (!updater || state.phase !== 'ready') return false;
      updater.autoInstallOnAppQuit = true;
      state = { ...state, installAtNextStart: true };
      return true;
    },
    installNow() {
      if (!updater || state.phase !== 'ready') return false;
      updater.quitAndInstall(false, true);
      return true;
    },
  };
}
