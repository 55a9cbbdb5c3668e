/**
 * Electron launch test (Playwright's _electron). Runs wherever an Electron binary
 * exists (ELECTRON_OVERRIDE_DIST_PATH or the electron package's own dist); otherwise
 * every test is skipped with a printed reason. Uses no browser `page` fixture.
 * Each launch gets a fresh --user-data-dir.
 */
import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM script without types
import { findElectronBinary } from '../../scripts/start.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = (findElectronBinary as () => { path: string | null; reason?: string })();
const SKIP_REASON = `skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron, or fetch the binary with "node node_modules/electron/install.js"): ${binary.reason ?? ''}`;
if (!binary.path) console.log(SKIP_REASON);

const version = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
let xvfb: ChildProcess | undefined;
let display = process.env['DISPLAY'];

/** On Linux without a display, run Electron on a private Xvfb (stopped after the tests). */
async function ensureDisplay(): Promise<void> {
  if (process.platform !== 'linux' || display || process.env['WAYLAND_DISPLAY']) return;
  if (!existsSync('/usr/bin/Xvfb')) return;
  const n = 90 + Math.floor(Math.random() * 400);
  xvfb = spawn('/usr/bin/Xvfb', [`:${n}`, '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 100));
  display = `:${n}`;
}

async function launch(userDataDir: string): Promise<{ app: ElectronApplication; win: Page }> {
  const args = [root, `--user-data-dir=${userDataDir}`];
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox'); // Chromium refuses root otherwise
  const env = { ...process.env, ...(display ? { DISPLAY: display } : {}) } as Record<string, string>;
  delete env['ELECTRON_RUN_AS_NODE'];
  const app = await electron.launch({ executablePath: binary.path!, args, env, timeout: 30_000 });
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  return { app, win };
}

test.describe('Electron shell', () => {
  test.skip(!binary.path, SKIP_REASON);
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const build = spawnSync(process.execPath, [`${root}/node_modules/electron-vite/bin/electron-vite.js`, 'build'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 200_000,
    });
    expect(build.status, build.stderr).toBe(0);
    await ensureDisplay();
  });

  test.afterAll(() => {
    xvfb?.kill();
  });

  test('opens a hardened window on app:// with window.desk and no Node in the page', async () => {
    const { app, win } = await launch(test.info().outputPath('user-data'));
    try {
      expect(win.url()).toMatch(/^app:\/\/desk\//);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        // getLastWebPreferences: Electron's effective preferences (undocumented, so typed by hand).
        const wc = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Electron.WebPreferences };
        if (typeof wc?.getLastWebPreferences !== 'function') return 'getLastWebPreferences unavailable';
        const p = wc.getLastWebPreferences();
        return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag } : null;
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });

      const globals = await win.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return {
          desk: typeof w['desk'],
          keys: Object.keys((w['desk'] ?? {}) as object).sort(),
          require: typeof w['require'],
          process: typeof w['process'],
          module: typeof w['module'],
        };
      });
      expect(globals).toMatchObject({ desk: 'object', require: 'undefined', process: 'undefined', module: 'undefined' });
      expect(globals.keys).toContain('saveFile');

      const info = await win.evaluate(() => window.desk!.appInfo());
      expect(info).toMatchObject({ name: 'Sosedi Desk', version, isElectron: true });

      // CSP: no eval.
      const evalResult = await win.evaluate(() => {
        try {
          return String(new Function('return "eval ran"')());
        } catch {
          return 'blocked';
        }
      });
      expect(evalResult).toBe('blocked');

      // The main process refuses bad payloads.
      const refused = await win.evaluate(() =>
        window.desk!.printToPdf({ html: '', pageSize: 'B5' as 'A4' }).then(
          () => 'accepted',
          (e: unknown) => String(e),
        ),
      );
      expect(refused).toContain('ipc.invalid-payload');

      // Printing HTML to PDF gives PDF bytes.
      const head = await win.evaluate(async () => {
        const r = await window.desk!.printToPdf({ html: '<h1>Афиша</h1>', pageSize: 'A4', landscape: false });
        return r.ok ? String.fromCharCode(...r.bytes.slice(0, 5)) : r.reason;
      });
      expect(head).toBe('%PDF-');
    } finally {
      await app.close();
    }
  });

  test('refuses navigation away and window.open', async () => {
    const { app, win } = await launch(test.info().outputPath('user-data'));
    try {
      const before = win.url();
      await win.evaluate(() => {
        window.location.href = 'http://127.0.0.1:9/elsewhere';
      });
      await win.waitForTimeout(1000);
      expect(win.url()).toBe(before);
      expect(await win.evaluate(() => location.protocol)).toBe('app:');
      expect(await win.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
    }
  });

  test('remembers the window size and position', async () => {
    const dir = test.info().outputPath('user-data');
    const first = await launch(dir);
    await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 50, width: 1000, height: 700 }));
    const set = await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
    await first.app.close();
    const second = await launch(dir);
    try {
      const got = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
      expect(got).toEqual(set);
    } finally {
      await second.app.close();
    }
  });

  test('automatic backups: folder chosen through the dialog, written atomically, rotated, traversal refused', async () => {
    const dir = test.info().outputPath('backups');
    mkdirSync(dir, { recursive: true });
    const old = 'sosedi-desk-auto-2020-01-01-0900.json';
    writeFileSync(`${dir}/${old}`, '{}');
    writeFileSync(`${dir}/notes.txt`, 'mine');
    const { app, win } = await launch(test.info().outputPath('user-data'));
    try {
      // Stub the folder dialog (the same technique as electron-playwright-helpers' stubDialog).
      await app.evaluate(({ dialog }, folder) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
      }, dir);
      const chosen = await win.evaluate(() => window.desk!.backupFolderChoose());
      expect(chosen).toEqual({ ok: true, path: dir });
      const name = 'sosedi-desk-auto-2030-05-06-0700.json';
      const written = await win.evaluate((n) => window.desk!.backupWriteAndRotate({ name: n, data: '{"x":1}', deleteNames: ['sosedi-desk-auto-2020-01-01-0900.json'] }), name);
      expect(written).toMatchObject({ ok: true, deleted: [old], notDeleted: [] });
      expect(readdirSync(dir).sort()).toEqual(['notes.txt', name]);
      expect(await win.evaluate(() => window.desk!.backupList())).toEqual({ ok: true, names: [name] });
      const refused = await win.evaluate(() =>
        window.desk!.backupWriteAndRotate({ name: 'sosedi-desk-auto-2030-05-06-0800.json', data: 'x', deleteNames: ['../notes.txt'] }).then(
          () => 'accepted',
          (e: unknown) => String(e),
        ),
      );
      expect(refused).toContain('ipc.invalid-payload');
      expect(readdirSync(dir).sort()).toEqual(['notes.txt', name]);
    } finally {
      await app.close();
    }
  });
});
