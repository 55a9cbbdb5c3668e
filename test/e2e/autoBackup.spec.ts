/**
 * Settings → Data → automatic daily backup, in Chromium on the production browser build.
 * Browser mode: the panel says it needs the desktop app and offers the manual export.
 * Desktop: window.desk is replaced before the app loads by a stand-in whose backup folder is an
 * in-page Map (main's real file logic is covered by electron/main/backupFolder.test.ts); this checks
 * that the app writes the day's backup at start-up, rotates, and shows folder, last backup and errors.
 */
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { gunzipSync } from 'node:zlib';

const SHOTS = process.env['AUTO_BACKUP_SHOTS'];

test('browser mode: automatic backups need the desktop app; the manual export is offered', async ({ app, page }) => {
  await app.open('en', '/settings/data');
  const region = page.getByRole('region', { name: 'Automatic daily backup' });
  await expect(region.getByText('Automatic backups are made by the desktop app (Sosedi Desk) only.', { exact: false })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Save a backup by hand' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sosedi-desk-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json\.gz$/);
  if (SHOTS) await region.screenshot({ path: `${SHOTS}/auto-backup-browser.png` });
});

interface FakeFolder {
  files: Record<string, string>;
  folder: string | null;
  failWrite: string | null;
}

/** A desktop window.desk whose backup folder lives in the page (window.__folder, kept over reloads). */
async function installDesktopDesk(page: Page, initial: FakeFolder): Promise<void> {
  await page.addInitScript((init: FakeFolder) => {
    // kept in sessionStorage so that a reload sees the same folder
    const saved = sessionStorage.getItem('e2e-folder');
    const state: FakeFolder = saved ? (JSON.parse(saved) as FakeFolder) : { ...init, files: { ...init.files } };
    const persist = () => sessionStorage.setItem('e2e-folder', JSON.stringify(state));
    (window as unknown as { __folder: FakeFolder }).__folder = state;
    const ok = async () => ({ ok: true });
    const desk = {
      appInfo: async () => ({ name: 'Sosedi Desk', version: '0.0.0-e2e', platform: 'linux', isElectron: true, secretsEncrypted: true }),
      saveFile: async (r: { suggestedName: string }) => ({ ok: true, path: `/home/desk/${r.suggestedName}` }),
      openFile: async () => ({ ok: false, reason: 'cancelled' }),
      printView: ok,
      printHtml: ok,
      printToPdf: async () => ({ ok: false, reason: 'failed' }),
      setSecret: ok,
      getSecret: async () => null,
      deleteSecret: ok,
      openExternal: async () => ({ ok: false, reason: 'not-allowed' }),
      setMenuLanguage: ok,
      setSyncServer: async () => ({ ok: true, reloadRequired: false }),
      backupFolderChoose: async () => {
        state.folder = '/media/usb/sosedi-backups';
        persist();
        return { ok: true, path: state.folder };
      },
      backupFolderGet: async () => ({ ok: true, path: state.folder }),
      backupList: async () => (state.folder ? { ok: true, names: Object.keys(state.files).sort() } : { ok: false, reason: 'no-folder' }),
      backupWriteAndRotate: async (r: { name: string; data: string | Uint8Array; deleteNames: string[] }) => {
        if (!state.folder) return { ok: false, reason: 'no-folder' };
        if (state.failWrite) return { ok: false, reason: 'failed', code: state.failWrite };
        // bytes (gzip) kept as base64 so that the folder survives a reload in sessionStorage
        state.files[r.name] = typeof r.data === 'string' ? r.data : `base64:${btoa(Array.from(r.data, (b) => String.fromCharCode(b)).join(''))}`;
        for (const n of r.deleteNames) delete state.files[n];
        persist();
        return { ok: true, path: `${state.folder}/${r.name}`, deleted: r.deleteNames, notDeleted: [] };
      },
    };
    Object.defineProperty(window, 'desk', { value: desk, configurable: false });
  }, initial);
}

const folderState = (page: Page) => page.evaluate(() => (window as unknown as { __folder: FakeFolder }).__folder);
const auto = (date: string, hhmm = '0900') => `sosedi-desk-auto-${date}-${hhmm}.json`; // plain JSON: from an earlier version

test('desktop: the day’s backup is written at start-up into the chosen folder and old ones rotate', async ({ app, page }) => {
  const old = Array.from({ length: 15 }, (_, i) => auto(`2020-01-${String(i + 1).padStart(2, '0')}`));
  await installDesktopDesk(page, { folder: '/media/usb/sosedi-backups', files: Object.fromEntries([...old.map((n) => [n, '{}'])]), failWrite: null });
  await app.open('ru', '/settings/data');
  const region = page.getByRole('region', { name: 'Автоматическая ежедневная копия' });
  await expect(region.getByLabel('Папка для копий')).toHaveValue('/media/usb/sosedi-backups');
  // written once at start-up: 14 kept (the new one and the 13 newest old ones)
  await expect(region.getByTestId('auto-backup-last')).toContainText('В папке 14 копий');
  const after = await folderState(page);
  const names = Object.keys(after.files).sort();
  expect(names).toHaveLength(14);
  expect(names).not.toContain(old[0]);
  expect(names).not.toContain(old[1]);
  const today = names.at(-1)!;
  expect(today).toMatch(/^sosedi-desk-auto-\d{4}-\d{2}-\d{2}-\d{4}\.json\.gz$/);
  // gzip, like a backup saved by hand; the older plain-JSON ones rotate out with it
  const stored = after.files[today]!;
  expect(stored.startsWith('base64:')).toBe(true);
  expect(JSON.parse(gunzipSync(Buffer.from(stored.slice(7), 'base64')).toString('utf8'))).toMatchObject({ format: 'sosedi-desk-backup', appVersion: '0.0.0-e2e' });

  // keep 3 is saved in the settings and applies at the next backup
  const keep = region.getByLabel('Сколько копий хранить');
  await keep.fill('3');
  await keep.blur(); // saves at once (otherwise after a short pause)
  await page.reload();
  await expect(region.getByLabel('Сколько копий хранить')).toHaveValue('3');
  expect(Object.keys((await folderState(page)).files)).toHaveLength(14); // today's backup exists: no new one
  await region.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  await expect(page.getByText(/^Копия сохранена: sosedi-desk-auto-/)).toBeVisible();
  await expect(region.getByTestId('auto-backup-last')).toContainText('В папке 3 копии');
  expect(Object.keys((await folderState(page)).files)).toHaveLength(3);
  if (SHOTS) await region.screenshot({ path: `${SHOTS}/auto-backup-desktop.png` });

  // a failing disk is shown in the panel and as a notification
  await page.evaluate(() => {
    (window as unknown as { __folder: FakeFolder }).__folder.failWrite = 'ENOSPC';
  });
  await region.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  await expect(region.getByRole('alert')).toContainText('Последняя автоматическая копия не удалась');
  await expect(region.getByRole('alert')).toContainText('На диске закончилось место.');
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'На диске закончилось место.' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/auto-backup-error.png`, fullPage: true });
});

test('desktop: without a folder nothing is written until one is chosen', async ({ app, page }) => {
  await installDesktopDesk(page, { folder: null, files: {}, failWrite: null });
  await app.open('en', '/settings/data');
  const region = page.getByRole('region', { name: 'Automatic daily backup' });
  await expect(region.getByText('Automatic backups are off: choose a folder.')).toBeVisible();
  await expect(region.getByRole('button', { name: 'Back up now' })).toBeDisabled();
  expect(Object.keys((await folderState(page)).files)).toEqual([]);
  await region.getByRole('button', { name: 'Choose a folder…' }).click();
  await expect(region.getByLabel('Backup folder')).toHaveValue('/media/usb/sosedi-backups');
  await expect(region.getByTestId('auto-backup-last')).toContainText('1 backup in the folder');
  expect(Object.keys((await folderState(page)).files)).toHaveLength(1);
});
