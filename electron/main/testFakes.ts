/**
 * Test doubles for Electron objects. These are mocks because the Electron binary
 * cannot run on this machine (nor in CI here): they record the handlers that the
 * code under test installs so the tests can fire events at them. The real wiring
 * is exercised by test/e2e/electron.spec.ts wherever an Electron binary exists.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

type Listener = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeSession {
  requestHandler?: (wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void;
  checkHandler?: (wc: unknown, permission: string, origin: string) => boolean;
  deviceHandler?: () => boolean;
  setPermissionRequestHandler(fn: FakeSession['requestHandler']) {
    this.requestHandler = fn;
  }
  setPermissionCheckHandler(fn: FakeSession['checkHandler']) {
    this.checkHandler = fn;
  }
  setDevicePermissionHandler(fn: FakeSession['deviceHandler']) {
    this.deviceHandler = fn;
  }
}

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler?: (details: { url: string }) => { action: string };
  readonly session = new FakeSession();
  constructor(public prefs: WebPreferences | null) {}
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: FakeWebContents['openHandler']): void {
    this.openHandler = handler;
  }
  getLastWebPreferences(): WebPreferences | null {
    return this.prefs;
  }
  getURL(): string {
    return 'app://desk/index.html';
  }
  /** Fire an event the way Electron would; returns the event to inspect defaultPrevented. */
  emit(event: string, ...args: unknown[]): FakeEvent {
    const ev = new FakeEvent(typeof args[0] === 'object' && args[0] !== null ? (args.shift() as Record<string, unknown>) : {});
    for (const l of this.listeners.get(event) ?? []) l(ev, ...args);
    return ev;
  }
}

export class FakeWindow {
  destroyed = false;
  readonly webContents: FakeWebContents;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    this.webContents = new FakeWebContents(options.webPreferences ?? null);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** The fake as the Electron type the code under test expects. */
export const asWindow = (w: FakeWindow) => w as unknown as BrowserWindow;
export const FakeWindowCtor = FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow;
