/**
 * One hardening function applied to every window (main window and hidden print
 * windows alike), plus the session-wide permission policy. Only types are
 * imported from 'electron' so this module runs (and is tested) under plain Node.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron';
import { isAllowedExternalUrl } from '@shared/ipc/links';
import { APP_ORIGIN } from './scheme';

/** The web preferences every window gets; callers cannot weaken them. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

type SecureKey = keyof typeof SECURE_WEB_PREFERENCES;

/** Merge the secure preferences over the caller's (preload, javascript: false, …). */
export function secureWebPreferences(extra: Omit<WebPreferences, SecureKey> = {}): WebPreferences {
  return { ...extra, ...SECURE_WEB_PREFERENCES };
}

/**
 * The names of secure flags that a window's effective preferences contradict.
 * Electron fills `getLastWebPreferences()` only once the renderer process starts
 * (and with a subset of flags), so missing flags are not judged here: the
 * construction path (`createHardenedWindow`) is what guarantees them.
 */
export function insecurePreferences(prefs: WebPreferences | null | undefined): string[] {
  if (!prefs) return [];
  return (Object.keys(SECURE_WEB_PREFERENCES) as SecureKey[]).filter(
    (key) => prefs[key] !== undefined && prefs[key] !== SECURE_WEB_PREFERENCES[key],
  );
}

/** Electron's effective preferences (an undocumented but long-standing WebContents method). */
export function lastWebPreferences(contents: WebContents): WebPreferences | null {
  const withLast = contents as WebContents & { getLastWebPreferences?: () => WebPreferences | null };
  return typeof withLast.getLastWebPreferences === 'function' ? withLast.getLastWebPreferences() : null;
}

export interface HardenOptions {
  /** Origins a window may navigate within (the app; the dev server in `electron-vite dev`). */
  allowedOrigins?: readonly string[];
  /** Opens an allow-listed https link in the system browser (shell.openExternal). */
  openExternal: (url: string) => unknown;
  allowList?: readonly string[];
  /**
   * Asked when the page objects to unloading (beforeunload: sync changes not yet on the server); true = close
   * anyway. Without it Electron cancels the close silently, so every window that can object must be asked.
   */
  confirmUnload?: (contents: WebContents) => boolean;
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Custom schemes report origin "null" in Node; rebuild it.
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

const hardenedContents = new WeakSet<WebContents>();

/** Attach the navigation/window/webview guards to one webContents (once; repeated calls do nothing). */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);
  const allowed = new Set(options.allowedOrigins ?? [APP_ORIGIN]);
  const maybeOpenExternal = (url: string) => {
    if (isAllowedExternalUrl(url, options.allowList)) void options.openExternal(url);
  };
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    const origin = originOf(url);
    if (origin !== null && allowed.has(origin)) return;
    event.preventDefault();
    maybeOpenExternal(url);
  };
  contents.on('will-navigate', (event, url) => guardNavigation(event, url));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url));
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // handled by will-navigate
    const url = event.url;
    if (url === 'about:blank' || url === 'about:srcdoc') return;
    guardNavigation(event, url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // preventDefault here means "ignore the page's objection and unload"
  contents.on('will-prevent-unload', (event) => {
    if (options.confirmUnload?.(contents)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    maybeOpenExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Harden a window: refuse weakened webPreferences, deny navigation away, window.open,
 * <webview>, and permission requests (session-wide).
 */
export function hardenWindow(win: BrowserWindow, options: HardenOptions): BrowserWindow {
  const contents = win.webContents;
  const bad = insecurePreferences(lastWebPreferences(contents));
  if (bad.length > 0) {
    win.destroy();
    throw new Error(`hardenWindow: insecure webPreferences: ${bad.join(', ')}`);
  }
  hardenWebContents(contents, options);
  applySessionPolicy(contents.session);
  return win;
}

/** Permissions the app may use from its own origin; everything else is denied. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && originOf(requestingUrl ?? '') === APP_ORIGIN;
}

const hardenedSessions = new WeakSet<Session>();

export function applySessionPolicy(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl ?? wc.getURL()));
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Build a window with secure preferences and harden it in one step (the only way windows are made). */
export function createHardenedWindow(
  BrowserWindowCtor: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: BrowserWindowConstructorOptions & { webPreferences?: Omit<WebPreferences, SecureKey> },
  harden: HardenOptions,
): BrowserWindow {
  const win = new BrowserWindowCtor({ ...options, webPreferences: secureWebPreferences(options.webPreferences) });
  return hardenWindow(win, harden);
}
