import type { Workbox } from 'workbox-window';
import type { DeskApi, DeskUpdateState } from '@shared/ipc/contract';
import { changeSignal } from './changeSignal';

/**
 * Browser mode's service worker (built by vite-plugin-pwa in vite.web.config.ts) and the "a new version is ready"
 * state. A new build is installed in the background and then WAITS: the desk shows a banner and swaps the new code in
 * only when the volunteer presses "reload" (applyUpdate), never under a half-typed form.
 * The desktop app loads from app:// and registers nothing here (__BROWSER_BUILD__ is false in its build): its
 * updates come from electron-updater in main (electron/main/updates.ts), watched by watchDesktopUpdates.
 */

export interface UpdateState {
  /** A service worker serves this page (browser mode, production build). */
  supported: boolean;
  /** A new version is installed and waits for the volunteer's OK. */
  ready: boolean;
  /** The desktop app's update as main reports it; null in browser mode. */
  desktop: DeskUpdateState | null;
}

let state: UpdateState = { supported: false, ready: false, desktop: null };
const stateChanged = changeSignal();
let workbox: Workbox | null = null;

function set(next: Partial<UpdateState>) {
  state = { ...state, ...next };
  stateChanged.changed();
}

export function useUpdateState(): UpdateState {
  return stateChanged.use(() => state);
}

/** How often an open desk asks the server whether a new version was deployed (also on "online" and on focus). */
const CHECK_EVERY_MS = 30 * 60 * 1000;

/** Registers the service worker; browser-mode production builds only. Never throws. */
export async function registerServiceWorker(): Promise<void> {
  const browserBuild = typeof __BROWSER_BUILD__ !== 'undefined' && __BROWSER_BUILD__;
  if (!browserBuild || !import.meta.env.PROD || !('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  try {
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox('./sw.js', { scope: './' });
    workbox = wb;
    // Also fires for a version that was already waiting when the page opened, and for one found by another tab.
    wb.addEventListener('waiting', () => set({ ready: true }));
    // Another tab applied the update: this tab still runs the old code, which may no longer be on the server.
    wb.addEventListener('controlling', (event) => {
      if (event.isExternal && event.isUpdate) set({ ready: true });
    });
    await wb.register();
    set({ supported: true });
    const check = () => void wb.update().catch(() => undefined); // offline: nothing to learn, try again later
    window.addEventListener('online', check);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    setInterval(check, CHECK_EVERY_MS);
  } catch (error) {
    // No service worker (private window, blocked storage…): the desk still works online, it only cannot work offline.
    console.warn('service worker not registered', error);
  }
}

/**
 * Asks the server for a new version now (Settings → Sync offers it where the server sent newer documents).
 * True when one was found: it is being stored or already waits (the banner follows once it is stored).
 */
export async function checkForUpdate(): Promise<boolean> {
  if (!workbox) return false;
  await workbox.update();
  const registration = await navigator.serviceWorker.getRegistration();
  return !!(registration?.installing || registration?.waiting);
}

/** The volunteer agreed: the waiting version takes over and the page reloads with it. */
export function applyUpdate(): void {
  const wb = workbox;
  if (!wb || !navigator.serviceWorker.controller) {
    window.location.reload();
    return;
  }
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
  // A version activated by another tab is already in control: no "controlling" event will come.
  void navigator.serviceWorker.getRegistration().then((r) => {
    if (!r?.waiting) window.location.reload();
  });
}

/** How often the desktop window asks main how its update is doing (main checks the feed once a day). */
const DESKTOP_POLL_MS = 60 * 1000;

async function readDesktop(read: () => Promise<DeskUpdateState>): Promise<DeskUpdateState | null> {
  try {
    const next = await read();
    if (JSON.stringify(next) !== JSON.stringify(state.desktop)) set({ desktop: next });
    return next;
  } catch {
    return null; // a main without updates (or a stand-in desk): nothing to show
  }
}

/** Desktop app only: follows main's update state (a downloaded version then waits for the volunteer's OK). */
export function watchDesktopUpdates(desk: DeskApi | undefined = window.desk): void {
  if (!desk) return;
  const poll = () => void readDesktop(() => desk.updateState());
  poll();
  setInterval(poll, DESKTOP_POLL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poll();
  });
}

/** Desktop app: look for a newer version now; answers the state after the check. */
export function checkDesktopUpdate(desk: DeskApi | undefined = window.desk): Promise<DeskUpdateState | null> {
  return desk ? readDesktop(() => desk.updateCheck()) : Promise.resolve(null);
}

/** Desktop app: the volunteer's OK to a downloaded version (restart now, or install when the desk closes). */
export async function installDesktopUpdate(when: 'now' | 'next-start', desk: DeskApi | undefined = window.desk): Promise<void> {
  if (!desk) return;
  await desk.updateInstall(when).catch(() => undefined);
  await readDesktop(() => desk.updateState());
}
