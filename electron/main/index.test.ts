/**
 * Wiring of the main process (electron/main/index.ts) against a fake 'electron'
 * module. A mock because the Electron binary cannot run here; it checks what
 * index.ts asks of Electron: privileged scheme, sandbox, single-instance lock,
 * userData, IPC channels, hardened main window on app://desk/, menu language.
 * The real thing is exercised by test/e2e/electron.spec.ts where a binary exists.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHANNELS } from '@shared/ipc/contract';

const fake = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => unknown;
  const appListeners = new Map<string, Fn>();
  const ipc = new Map<string, Fn>();
  const windows: FakeBrowserWindow[] = [];
  const menus: { label?: string }[][] = [];
  const paths = new Map<string, string>();
  class FakeBrowserWindow {
    readonly loaded: string[] = [];
    focused = 0;
    readonly webContents: Record<string, unknown>;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
      this.webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), session, getURL: () => 'app://desk/index.html' };
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once() {}
    on() {}
    maximize() {}
    isMinimized() {
      return false;
    }
    restore() {}
    show() {}
    focus() {
      this.focused++;
    }
    destroy() {}
    static fromWebContents() {
      return null;
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(),
      setName: vi.fn(),
      setPath: (name: string, p: string) => paths.set(name, p),
      getPath: (name: string) => paths.get(name) ?? `/nonexistent/${name}`,
      getVersion: () => '9.8.7',
      requestSingleInstanceLock: vi.fn(() => true),
      on: (event: string, fn: Fn) => appListeners.set(event, fn),
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      quit: vi.fn(),
    },
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
    ipcMain: { handle: (ch: string, fn: Fn) => ipc.set(ch, fn) },
    Menu: { buildFromTemplate: (t: { label?: string }[]) => (menus.push(t), t), setApplicationMenu: vi.fn() },
    dialog: { showOpenDialog: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn() },
  };
  return { electron, appListeners, ipc, windows, menus };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const userData = mkdtempSync(path.join(tmpdir(), 'desk-main-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

async function startMain() {
  delete process.env['ELECTRON_RENDERER_URL'];
  process.argv.push(`--user-data-dir=${userData}`);
  try {
    await import('./index');
    await new Promise((r) => setTimeout(r, 0));
  } finally {
    process.argv.pop();
  }
}

const trusted = { senderFrame: { url: 'app://desk/index.html', parent: null }, sender: {} };

describe('main process wiring', () => {
  it('registers app:// as a privileged standard+secure scheme, sandboxes, takes the single-instance lock', async () => {
    await startMain();
    const { electron } = fake;
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }),
    ]);
    const privileges = vi.mocked(electron.protocol.registerSchemesAsPrivileged).mock.calls[0]![0]![0]!.privileges as Record<string, unknown>;
    expect(privileges['corsEnabled']).toBeUndefined();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.getPath('userData')).toBe(userData);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('handles exactly the contract channels', () => {
    expect([...fake.ipc.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('opens one hardened window on app://desk/ with the preload', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.loaded).toEqual(['app://desk/index.html']);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(win.options.webPreferences?.['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    const events = vi.mocked(win.webContents['on'] as (e: string) => void).mock.calls.map((c) => c[0]);
    expect(events).toEqual(expect.arrayContaining(['will-navigate', 'will-attach-webview', 'will-redirect']));
  });

  it('focuses the first window when a second instance starts', () => {
    fake.appListeners.get('second-instance')!();
    expect(fake.windows[0]!.focused).toBe(1);
  });

  it('answers app info and switches the menu language, remembering it', async () => {
    const info = await fake.ipc.get(CHANNELS.appInfo)!(trusted, {});
    expect(info).toEqual({ name: 'Sosedi Desk', version: '9.8.7', platform: process.platform, isElectron: true, secretsEncrypted: false });
    expect(fake.menus.at(-1)?.map((m) => m.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    await fake.ipc.get(CHANNELS.setMenuLanguage)!(trusted, { language: 'en' });
    expect(fake.menus.at(-1)?.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(JSON.parse(readFileSync(path.join(userData, 'desk-config.json'), 'utf8'))).toMatchObject({ menuLanguage: 'en' });
  });

  it('refuses secrets when the OS has no encryption, and bad sync URLs', async () => {
    expect(await fake.ipc.get(CHANNELS.setSecret)!(trusted, { key: 'sync.password', value: 'x' })).toEqual({ ok: false, reason: 'unavailable' });
    expect(await fake.ipc.get(CHANNELS.setSyncServer)!(trusted, { url: 'javascript:alert(1)' })).toEqual({ ok: false, reason: 'invalid-url' });
    expect(await fake.ipc.get(CHANNELS.setSyncServer)!(trusted, { url: 'http://x;sandbox/' })).toEqual({ ok: false, reason: 'invalid-url' });
    expect(await fake.ipc.get(CHANNELS.setSyncServer)!(trusted, { url: 'http://127.0.0.1:5984/db' })).toEqual({ ok: false, reason: 'invalid-url' });
    expect(await fake.ipc.get(CHANNELS.setSyncServer)!(trusted, { url: 'http://127.0.0.1:5984' })).toEqual({ ok: true, reloadRequired: true });
    expect(await fake.ipc.get(CHANNELS.setSyncServer)!(trusted, { url: 'http://127.0.0.1:5984/' })).toEqual({ ok: true, reloadRequired: false });
    // plain http beyond loopback: only as the centre's explicit "server in this building" choice
    expect(await fake.ipc.get(CHANNELS.setSyncServer)!(trusted, { url: 'http://192.168.1.20:5984/' })).toEqual({ ok: false, reason: 'invalid-url' });
    expect(await fake.ipc.get(CHANNELS.setSyncServer)!(trusted, { url: 'http://192.168.1.20:5984/', inBuilding: true })).toEqual({ ok: true, reloadRequired: true });
    expect(JSON.parse(readFileSync(path.join(userData, 'desk-config.json'), 'utf8'))).toMatchObject({ syncOrigins: ['http://192.168.1.20:5984'] });
  });

  it('has no updates to offer in a development run', async () => {
    expect(await fake.ipc.get(CHANNELS.updateState)!(trusted, {})).toEqual({ phase: 'off', reason: 'dev' });
    expect(await fake.ipc.get(CHANNELS.updateCheck)!(trusted, {})).toEqual({ phase: 'off', reason: 'dev' });
    expect(await fake.ipc.get(CHANNELS.updateInstall)!(trusted, { when: 'now' })).toEqual({ ok: false, reason: 'not-ready' });
    await expect(fake.ipc.get(CHANNELS.updateInstall)!(trusted, { when: 'whenever' })).rejects.toThrow(/invalid-payload/);
  });

  it('remembers the chosen backup folder and writes, lists and rotates automatic backups in it', async () => {
    const call = (channel: string, args: object = {}) => fake.ipc.get(channel)!(trusted, args);
    const folder = mkdtempSync(path.join(tmpdir(), 'desk-main-backups-'));
    try {
      expect(await call(CHANNELS.backupFolderGet)).toEqual({ ok: true, path: null });
      expect(await call(CHANNELS.backupList)).toEqual({ ok: false, reason: 'no-folder' });
      vi.mocked(fake.electron.dialog.showOpenDialog).mockResolvedValueOnce({ canceled: true, filePaths: [] });
      expect(await call(CHANNELS.backupFolderChoose)).toEqual({ ok: false, reason: 'cancelled' });
      vi.mocked(fake.electron.dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
      expect(await call(CHANNELS.backupFolderChoose)).toEqual({ ok: true, path: folder });
      expect(vi.mocked(fake.electron.dialog.showOpenDialog).mock.calls.at(-1)?.at(-1)).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
      expect(JSON.parse(readFileSync(path.join(userData, 'desk-config.json'), 'utf8'))).toMatchObject({ backupFolder: folder });
      expect(await call(CHANNELS.backupFolderGet)).toEqual({ ok: true, path: folder });

      const old = 'sosedi-desk-auto-2026-03-19-0900.json';
      writeFileSync(path.join(folder, old), 'old');
      writeFileSync(path.join(folder, 'mine.json'), 'a person’s own file');
      const name = 'sosedi-desk-auto-2026-03-20-0900.json';
      expect(await call(CHANNELS.backupWriteAndRotate, { name, data: '{"x":1}', deleteNames: [old] })).toEqual({
        ok: true,
        path: path.join(folder, name),
        deleted: [old],
        notDeleted: [],
      });
      expect(readdirSync(folder).sort()).toEqual(['mine.json', name]);
      expect(await call(CHANNELS.backupList)).toEqual({ ok: true, names: [name] });
      await expect(call(CHANNELS.backupWriteAndRotate, { name, data: 'x', deleteNames: ['../mine.json'] })).rejects.toThrow('ipc.invalid-payload');
      expect(readdirSync(folder).sort()).toEqual(['mine.json', name]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
