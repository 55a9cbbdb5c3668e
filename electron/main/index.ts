/**
 * Electron main process: lifecycle, the one main window, menus, IPC. Thin: the
 * rules live in the modules beside it (hardening, protocol, ipc, menu, …).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES, type Language } from '@shared/ipc/contract';
import { buildCsp } from './csp';
import { loadMainConfig, saveMainConfig } from './config';
import { listAutoBackups, writeAndRotate } from './backupFolder';
import { applySessionPolicy, createHardenedWindow, hardenWebContents, type HardenOptions } from './hardening';
import { confirmCloseWithUnsent } from './unload';
import { registerIpcHandlers, type IpcHandlers } from './ipc';
import { isAllowedExternalUrl } from '@shared/ipc/links';
import { checkSyncUrl } from '@shared/net/syncUrl';
import { buildMenuTemplate, menuText } from './menu';
import { createPrinter, printContents } from './printing';
import { createAppProtocolHandler } from './protocol';
import { APP_ORIGIN, APP_SCHEME, APP_START_URL, isAppUrl } from './scheme';
import { createSecretStore } from './secrets';
import { createDeskUpdates, type DeskUpdates, type UpdaterLike } from './updates';
import { fitToWorkAreas, loadWindowState, saveWindowState } from './windowState';

const PRODUCT_NAME = 'Sosedi Desk';
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// Dev server of `electron-vite dev` (never in a packaged app).
const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const devOrigin = devUrl ? new URL(devUrl).origin : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();
app.setName(PRODUCT_NAME);

// A fresh profile per run (tests, a second centre on one computer): --user-data-dir=<dir>.
const userDataArg = process.argv.find((a) => a.startsWith('--user-data-dir='));
app.setPath(
  'userData',
  userDataArg
    ? path.resolve(userDataArg.slice('--user-data-dir='.length))
    : path.join(app.getPath('appData'), PRODUCT_NAME),
);

const userFile = (name: string) => path.join(app.getPath('userData'), name);
let mainWindow: BrowserWindow | null = null;

const hardenOptions: HardenOptions = {
  allowedOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN],
  openExternal: (url) => shell.openExternal(url),
};
const isTrustedUrl = (url: string) => isAppUrl(url) || (devOrigin !== undefined && url.startsWith(`${devOrigin}/`));

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createMainWindow(): BrowserWindow {
  const stateFile = userFile('window-state.json');
  const state = fitToWorkAreas(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = createHardenedWindow(
    BrowserWindow,
    {
      x: state.x,
      y: state.y,
      width: state.width,
      height: state.height,
      minWidth: 800,
      minHeight: 560,
      show: false,
      title: PRODUCT_NAME,
      backgroundColor: '#ffffff',
      webPreferences: { preload: preloadPath, spellcheck: false },
    },
    hardenOptions,
  );
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devUrl ?? APP_START_URL);
  return win;
}

function start(): void {
  const configFile = userFile('desk-config.json');
  const config = loadMainConfig(configFile);
  const secrets = createSecretStore(userFile('secrets.json'), safeStorage);
  const printer = createPrinter(() =>
    createHardenedWindow(BrowserWindow, { show: false, webPreferences: { javascript: false } }, hardenOptions),
  );

  hardenOptions.confirmUnload = (contents) =>
    confirmCloseWithUnsent(config.menuLanguage, (options) => {
      const owner = BrowserWindow.fromWebContents(contents);
      return owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options);
    });
  applySessionPolicy(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardenOptions));
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: rendererDir, csp: () => buildCsp(config.syncOrigins), printDocuments: printer.documents }),
  );

  const setMenu = (language: Language) => {
    const t = (key: Parameters<typeof menuText>[1]) => menuText(language, key, { version: app.getVersion() });
    const template = buildMenuTemplate(language, {
      isMac: process.platform === 'darwin',
      isDev: !app.isPackaged,
      actions: {
        printView: () => {
          if (mainWindow) void printContents(mainWindow.webContents);
        },
        about: () => {
          const options = { type: 'info' as const, title: t('about'), message: PRODUCT_NAME, detail: t('aboutDetail'), buttons: [t('ok')] };
          void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  setMenu(config.menuLanguage);

  // Updates: only a packaged app has something to update; electron-updater is loaded only there.
  let updates: DeskUpdates = createDeskUpdates({ updater: null, feed: null, bundledFeed: false });
  if (app.isPackaged)
    void import('electron-updater')
      .then(({ default: updater }) => {
        updates = createDeskUpdates({
          updater: updater.autoUpdater as unknown as UpdaterLike,
          feed: config.updateFeed,
          bundledFeed: existsSync(path.join(process.resourcesPath, 'app-update.yml')),
        });
        updates.start();
      })
      .catch((error: unknown) => console.error('updates unavailable', error));

  const ownerWindow = (sender: Electron.WebContents) => BrowserWindow.fromWebContents(sender) ?? mainWindow;

  const handlers: IpcHandlers = {
    appInfo: () => ({
      name: PRODUCT_NAME,
      version: app.getVersion(),
      platform: process.platform,
      isElectron: true,
      secretsEncrypted: secrets.encrypted(),
    }),
    saveFile: async ({ suggestedName, data, filters }, { sender }) => {
      const owner = ownerWindow(sender);
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters };
      const result = await (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options));
      if (result.canceled || !result.filePath) return { ok: false, reason: 'cancelled' };
      try {
        await writeFile(result.filePath, data);
        return { ok: true, path: result.filePath };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    },
    openFile: async ({ filters }, { sender }) => {
      const owner = ownerWindow(sender);
      const options = { properties: ['openFile' as const], filters };
      const result = await (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options));
      const file = result.filePaths[0];
      if (result.canceled || !file) return { ok: false, reason: 'cancelled' };
      try {
        if ((await stat(file)).size > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
        return { ok: true, name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    },
    printView: (_args, { sender }) => printContents(sender),
    printHtml: ({ html }) => printer.printHtml(html),
    printToPdf: ({ html, pageSize, landscape }) => printer.printToPdf(html, pageSize, landscape ?? false),
    setSecret: ({ key, value }) => secrets.set(key, value),
    getSecret: ({ key }) => secrets.get(key),
    deleteSecret: ({ key }) => secrets.delete(key),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { ok: false, reason: 'not-allowed' };
      await shell.openExternal(url);
      return { ok: true };
    },
    setMenuLanguage: ({ language }) => {
      config.menuLanguage = language;
      saveMainConfig(configFile, config);
      setMenu(language);
      return { ok: true };
    },
    setSyncServer: ({ url, inBuilding }) => {
      // plain http only to loopback or to a server the centre said is in its building (checkSyncUrl)
      const checked = url === null ? null : checkSyncUrl(url, { inBuilding: inBuilding ?? false });
      if (checked && !checked.ok) return { ok: false, reason: 'invalid-url' };
      const next = checked ? [checked.origin] : [];
      const changed = next.join() !== config.syncOrigins.join();
      config.syncOrigins = next;
      saveMainConfig(configFile, config);
      return { ok: true, reloadRequired: changed };
    },
    backupFolderChoose: async (_args, { sender }) => {
      const owner = ownerWindow(sender);
      const options = {
        properties: ['openDirectory' as const, 'createDirectory' as const],
        ...(config.backupFolder ? { defaultPath: config.backupFolder } : {}),
      };
      const result = await (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options));
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return { ok: false, reason: 'cancelled' };
      config.backupFolder = path.resolve(folder);
      saveMainConfig(configFile, config);
      return { ok: true, path: config.backupFolder };
    },
    backupFolderGet: () => ({ ok: true, path: config.backupFolder }),
    backupList: () => listAutoBackups(config.backupFolder),
    backupWriteAndRotate: (request) => writeAndRotate(config.backupFolder, request),
    updateState: () => updates.state(),
    updateCheck: () => updates.check(),
    updateInstall: ({ when }) => ((when === 'now' ? updates.installNow() : updates.installAtNextStart()) ? { ok: true } : { ok: false, reason: 'not-ready' }),
  };
  registerIpcHandlers(ipcMain, handlers, isTrustedUrl);

  mainWindow = createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && app.isReady()) mainWindow = createMainWindow();
  });
  void app.whenReady().then(start);
}
